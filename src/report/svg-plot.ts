/**
 * Minimal inline-SVG time-series plots for the HTML report: lines over a shared time axis, shaded
 * bands for flagged periods, axis ticks. No scripts, no external assets.
 */

export interface Series {
  label: string;
  colour: string;
  values: readonly number[];
  dashed?: boolean;
}

export interface Band {
  label: string;
  colour: string;
  flags: readonly boolean[];
}

export interface PlotSpec {
  title: string;
  unit: string;
  t: readonly number[];
  series: Series[];
  bands?: Band[];
  /** clamp the y range (e.g. distances beyond a few metres are not interesting) */
  yMax?: number;
  yMin?: number;
}

const W = 760;
const H = 220;
const PAD = { l: 56, r: 16, t: 28, b: 32 };

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(+v.toPrecision(6));
  return out;
}

function yRange(spec: PlotSpec): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of spec.series) {
    for (const v of s.values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (spec.yMin !== undefined) lo = Math.max(lo, spec.yMin);
  if (spec.yMax !== undefined) hi = Math.min(hi, spec.yMax);
  lo = Math.min(lo, 0);
  if (hi <= lo) hi = lo + 1;
  return [lo, hi];
}

function path(
  t: readonly number[],
  v: readonly number[],
  x: (t: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < t.length; i++) {
    const value = v[i] as number;
    if (!Number.isFinite(value)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(t[i] as number).toFixed(1)},${y(value).toFixed(1)}`;
    pen = true;
  }
  return d;
}

function bandRects(b: Band, t: readonly number[], x: (t: number) => number, dt: number): string {
  let out = '';
  let start = -1;
  for (let i = 0; i <= b.flags.length; i++) {
    const on = i < b.flags.length && b.flags[i] === true;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      const x0 = x((t[start] as number) - dt);
      const x1 = x(t[i - 1] as number);
      out += `<rect x="${x0.toFixed(1)}" y="${PAD.t}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${H - PAD.t - PAD.b}" fill="${b.colour}" opacity="0.25"/>`;
      start = -1;
    }
  }
  return out;
}

export function timePlot(spec: PlotSpec): string {
  const t = spec.t;
  const t0 = 0;
  const t1 = t.length > 0 ? (t[t.length - 1] as number) : 1;
  const [lo, hi] = yRange(spec);
  const x = (v: number): number => PAD.l + ((v - t0) / (t1 - t0 || 1)) * (W - PAD.l - PAD.r);
  const y = (v: number): number =>
    H - PAD.b - ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo)) * (H - PAD.t - PAD.b);
  const dt = t.length > 1 ? (t[1] as number) - (t[0] as number) : 0;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
  ];
  parts.push(
    `<text x="${PAD.l}" y="16" font-size="13" font-weight="bold">${escapeXml(spec.title)} [${escapeXml(spec.unit)}]</text>`,
  );
  for (const b of spec.bands ?? []) parts.push(bandRects(b, t, x, dt));
  for (const v of niceTicks(lo, hi, 5)) {
    parts.push(
      `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`,
    );
    parts.push(`<text x="${PAD.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`);
  }
  for (const v of niceTicks(t0, t1, 8)) {
    parts.push(`<text x="${x(v).toFixed(1)}" y="${H - PAD.b + 16}" text-anchor="middle">${v}</text>`);
  }
  parts.push(`<text x="${W - PAD.r}" y="${H - 4}" text-anchor="end">t [s]</text>`);
  parts.push(
    `<rect x="${PAD.l}" y="${PAD.t}" width="${W - PAD.l - PAD.r}" height="${H - PAD.t - PAD.b}" fill="none" stroke="#888"/>`,
  );
  for (const s of spec.series) {
    const dash = s.dashed ? ' stroke-dasharray="5,4"' : '';
    parts.push(
      `<path d="${path(t, s.values, x, y)}" fill="none" stroke="${s.colour}" stroke-width="1.5"${dash}/>`,
    );
  }
  let lx = PAD.l + 260;
  for (const item of [
    ...spec.series.map((s) => ({ label: s.label, colour: s.colour })),
    ...(spec.bands ?? []),
  ]) {
    parts.push(
      `<rect x="${lx}" y="8" width="10" height="10" fill="${item.colour}"/><text x="${lx + 14}" y="17">${escapeXml(item.label)}</text>`,
    );
    lx += 24 + item.label.length * 6;
  }
  parts.push('</svg>');
  return parts.join('');
}
