/** Top-down map for the report: furniture, keep-out zones, the robot's path, people's tracks, goal. */
import type { Scenario } from '../sim/scenario.js';
import type { SimTrace } from '../sim/metrics.js';
import { ColliderKind } from '../sim/layout.js';
import { escapeXml } from './svg-plot.js';

const PEOPLE_COLOURS = ['#d62728', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2'];

export function mapPlot(scenario: Scenario, trace: SimTrace): string {
  const L = scenario.layout;
  const widthPx = 760;
  const scale = (widthPx - 40) / (L.xMaxM - L.xMinM);
  const heightPx = Math.round((L.yMaxM - L.yMinM) * scale + 40);
  const x = (v: number): string => (20 + (v - L.xMinM) * scale).toFixed(1);
  const y = (v: number): string => (heightPx - 20 - (v - L.yMinM) * scale).toFixed(1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${widthPx} ${heightPx}" width="${widthPx}" height="${heightPx}" font-family="sans-serif" font-size="11">`,
  ];
  parts.push(
    `<rect x="${x(L.xMinM)}" y="${y(L.yMaxM)}" width="${((L.xMaxM - L.xMinM) * scale).toFixed(1)}" height="${((L.yMaxM - L.yMinM) * scale).toFixed(1)}" fill="#f7f5f0" stroke="#555" stroke-width="2"/>`,
  );
  for (const b of L.boxes) {
    if (b.kind === ColliderKind.floor || b.kind === ColliderKind.wall) continue;
    parts.push(
      `<rect x="${x(b.x - b.hx)}" y="${y(b.y + b.hy)}" width="${(2 * b.hx * scale).toFixed(1)}" height="${(2 * b.hy * scale).toFixed(1)}" fill="#c8b89a" stroke="#806a4a"><title>${escapeXml(b.name)}</title></rect>`,
    );
  }
  for (const z of scenario.keepOutZones) {
    const pts = z.polygon.map(([px, py]) => `${x(px)},${y(py)}`).join(' ');
    parts.push(
      `<polygon points="${pts}" fill="#ff000022" stroke="#c00" stroke-dasharray="4,3"><title>keep-out: ${escapeXml(z.name)}</title></polygon>`,
    );
  }
  const nPeople = trace.people[0]?.length ?? 0;
  for (let p = 0; p < nPeople / 2; p++) {
    const pts = trace.people
      .map((row) => `${x(row[2 * p] as number)},${y(row[2 * p + 1] as number)}`)
      .join(' ');
    parts.push(
      `<polyline points="${pts}" fill="none" stroke="${PEOPLE_COLOURS[p % PEOPLE_COLOURS.length]}" stroke-width="1.5" stroke-dasharray="3,2"/>`,
    );
  }
  const path = trace.x.map((vx, i) => `${x(vx)},${y(trace.y[i] as number)}`).join(' ');
  parts.push(`<polyline points="${path}" fill="none" stroke="#1f77b4" stroke-width="2.5"/>`);
  const g = scenario.goal;
  parts.push(
    `<circle cx="${x(g.xM)}" cy="${y(g.yM)}" r="${Math.max(3, g.toleranceM * scale).toFixed(1)}" fill="none" stroke="#2ca02c" stroke-width="2"><title>goal</title></circle>`,
  );
  parts.push(
    `<circle cx="${x(scenario.start.xM)}" cy="${y(scenario.start.yM)}" r="4" fill="#1f77b4"><title>start</title></circle>`,
  );
  parts.push(
    `<text x="24" y="14">blue: robot path · dashed: people · green: goal · red: keep-out zones</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}
