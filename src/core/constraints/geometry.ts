/** Small planar geometry helpers for the hot loops (no allocation). */

/** Horizontal distance [m] from point p to segment a→b (z ignored). */
export function pointSegmentDistance2D(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
): number {
  const ex = bx - ax;
  const ey = by - ay;
  const len2 = ex * ex + ey * ey;
  let u = len2 > 1e-18 ? ((px - ax) * ex + (py - ay) * ey) / len2 : 0;
  u = u < 0 ? 0 : u > 1 ? 1 : u;
  const dx = px - (ax + u * ex);
  const dy = py - (ay + u * ey);
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * Rate [m per m moved] at which the distance from point p to segment a→b grows when the segment
 * translates along the unit direction (hx, hy): h · (c − p)/|c − p|, c the segment's closest point.
 * Exact at the start of the move and, the distance to a translating convex set being convex in the
 * distance moved, a lower bound on the average rate over any straight move. 0 when p is on the segment.
 */
export function segmentRecedeRate2D(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
  hx: number,
  hy: number,
): number {
  const ex = bx - ax;
  const ey = by - ay;
  const len2 = ex * ex + ey * ey;
  let u = len2 > 1e-18 ? ((px - ax) * ex + (py - ay) * ey) / len2 : 0;
  u = u < 0 ? 0 : u > 1 ? 1 : u;
  const nx = ax + u * ex - px;
  const ny = ay + u * ey - py;
  const n = Math.sqrt(nx * nx + ny * ny);
  return n > 1e-9 ? (hx * nx + hy * ny) / n : 0;
}

/** Distance [m] from point e to the line through p with unit direction w. */
export function distanceToAxis(
  ex: number,
  ey: number,
  ez: number,
  px: number,
  py: number,
  pz: number,
  wx: number,
  wy: number,
  wz: number,
): number {
  const rx = ex - px;
  const ry = ey - py;
  const rz = ez - pz;
  const cx = wy * rz - wz * ry;
  const cy = wz * rx - wx * rz;
  const cz = wx * ry - wy * rx;
  return Math.sqrt(cx * cx + cy * cy + cz * cz);
}
