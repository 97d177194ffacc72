/**
 * Keep-out zones in odom: boxes (3D) and polygon prisms (2D polygon between zMinM and zMaxM).
 * `signedDistanceM` is negative inside. Capsules are checked as sphere chains along their segment.
 */
import type { Zone } from './config.js';
import { axisDistance2D } from './geometry.js';

export interface CompiledZone {
  name: string;
  /** 0 box, 1 polygon */
  kind: 0 | 1;
  /** box: min xyz, max xyz; polygon: zMin, zMax */
  bounds: Float64Array;
  /** polygon corners x0, y0, x1, y1, … */
  points: Float64Array;
  /** horizontal bounding circle, for culling */
  cx: number;
  cy: number;
  radiusM: number;
}

export function compileZone(z: Zone): CompiledZone {
  if (z.type === 'box') {
    const [x0, y0] = z.minInOdomM;
    const [x1, y1] = z.maxInOdomM;
    return {
      name: z.name,
      kind: 0,
      bounds: Float64Array.from([...z.minInOdomM, ...z.maxInOdomM]),
      points: new Float64Array(0),
      cx: (x0 + x1) / 2,
      cy: (y0 + y1) / 2,
      radiusM: Math.hypot(x1 - x0, y1 - y0) / 2,
    };
  }
  const xs = z.pointsInOdomM.map((p) => p[0]);
  const ys = z.pointsInOdomM.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return {
    name: z.name,
    kind: 1,
    bounds: Float64Array.from([z.zMinM, z.zMaxM]),
    points: Float64Array.from(z.pointsInOdomM.flat()),
    cx,
    cy,
    radiusM: Math.max(...z.pointsInOdomM.map((p) => Math.hypot(p[0] - cx, p[1] - cy))),
  };
}

/** Signed distance [m] from a point to a zone (negative inside). */
export function signedDistanceM(z: CompiledZone, x: number, y: number, zM: number): number {
  if (z.kind === 0) {
    const b = z.bounds;
    return boxSigned(
      x - (b[0] as number),
      (b[3] as number) - x,
      y - (b[1] as number),
      (b[4] as number) - y,
      zM - (b[2] as number),
      (b[5] as number) - zM,
    );
  }
  const dxy = polygonSignedDistance(z.points, x, y);
  const dz = Math.max((z.bounds[0] as number) - zM, zM - (z.bounds[1] as number));
  if (dxy <= 0 && dz <= 0) return Math.max(dxy, dz);
  const ox = dxy > 0 ? dxy : 0;
  const oz = dz > 0 ? dz : 0;
  return Math.sqrt(ox * ox + oz * oz);
}

/** Arguments are the distances inside each face (positive inside). */
function boxSigned(ax: number, bx: number, ay: number, by: number, az: number, bz: number): number {
  const ix = Math.min(ax, bx);
  const iy = Math.min(ay, by);
  const iz = Math.min(az, bz);
  if (ix >= 0 && iy >= 0 && iz >= 0) return -Math.min(ix, iy, iz);
  const ox = Math.max(-ix, 0);
  const oy = Math.max(-iy, 0);
  const oz = Math.max(-iz, 0);
  return Math.sqrt(ox * ox + oy * oy + oz * oz);
}

/** Signed distance to a simple polygon in the plane (even-odd inside test, nearest edge distance). */
export function polygonSignedDistance(pts: Float64Array, x: number, y: number): number {
  const n = pts.length / 2;
  let best = Number.POSITIVE_INFINITY;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = pts[2 * i] as number;
    const yi = pts[2 * i + 1] as number;
    const xj = pts[2 * j] as number;
    const yj = pts[2 * j + 1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    const ex = xj - xi;
    const ey = yj - yi;
    const len2 = ex * ex + ey * ey;
    const u = len2 > 0 ? Math.min(1, Math.max(0, ((x - xi) * ex + (y - yi) * ey) / len2)) : 0;
    const dx = x - (xi + u * ex);
    const dy = y - (yi + u * ey);
    best = Math.min(best, dx * dx + dy * dy);
  }
  const d = Math.sqrt(best);
  return inside ? -d : d;
}

/**
 * Signed distance [m] from a capsule (segment a→b, radius r) to a zone, minus r: negative = the capsule
 * enters. The segment is sampled at spacing ≤ r so every point of the segment is within r/2 of a sample;
 * the sample distances are reduced by that half spacing, so the result never overstates clearance.
 */
export function capsuleZoneDistanceM(z: CompiledZone, ends: Float64Array, o: number, r: number): number {
  const ax = ends[o] as number;
  const ay = ends[o + 1] as number;
  const az = ends[o + 2] as number;
  const dx = (ends[o + 3] as number) - ax;
  const dy = (ends[o + 4] as number) - ay;
  const dz = (ends[o + 5] as number) - az;
  const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
  const n = Math.max(1, Math.ceil(len / Math.max(r, 0.02)));
  const halfSpacing = len / n / 2;
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= n; k++) {
    const u = k / n;
    best = Math.min(best, signedDistanceM(z, ax + u * dx, ay + u * dy, az + u * dz));
  }
  return best - halfSpacing - r;
}

/**
 * Clearance [m] of capsule `o` (segment in `ends`, radius r) from zone z beyond `marginM`: negative = inside
 * the margin. +Infinity without the exact test when the capsule's axis is beyond the zone's bounding circle.
 */
export function capsuleZoneMarginM(
  z: CompiledZone,
  ends: Float64Array,
  o: number,
  r: number,
  marginM: number,
): number {
  if (axisDistance2D(ends, o, z.cx, z.cy) - z.radiusM - r - marginM > 0) return Number.POSITIVE_INFINITY;
  return capsuleZoneDistanceM(z, ends, o, r) - marginM;
}
