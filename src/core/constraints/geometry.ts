/** Small planar geometry helpers for the hot loops (no allocation). */

/** Where on segment a→b (0 … 1) the point nearest p lies, horizontally. */
function nearestOnSegment2D(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const ex = bx - ax;
  const ey = by - ay;
  const len2 = ex * ex + ey * ey;
  const u = len2 > 1e-18 ? ((px - ax) * ex + (py - ay) * ey) / len2 : 0;
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

/** Horizontal distance [m] from point p to segment a→b (z ignored). */
function pointSegmentDistance2D(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
): number {
  const u = nearestOnSegment2D(ax, ay, bx, by, px, py);
  const dx = px - (ax + u * (bx - ax));
  const dy = py - (ay + u * (by - ay));
  return Math.sqrt(dx * dx + dy * dy);
}

/**
 * pointSegmentDistance2D for a capsule axis stored as two 3D ends: `ends[o..o+2]` and `ends[o+3..o+5]`
 * (the layout of BodyModel.toOdom).
 */
export function axisDistance2D(ends: ArrayLike<number>, o: number, px: number, py: number): number {
  return pointSegmentDistance2D(
    ends[o] as number,
    ends[o + 1] as number,
    ends[o + 3] as number,
    ends[o + 4] as number,
    px,
    py,
  );
}

/**
 * Rate [m per m moved] at which the horizontal distance from point p to the capsule axis at
 * `ends[o..o+5]` grows when the axis translates along the unit direction (hx, hy): h · (c − p)/|c − p|,
 * c the axis point nearest p. Exact at the start of the move and, the distance to a translating convex
 * set being convex in the distance moved, a lower bound on the average rate over any straight move.
 * 0 when p is on the axis.
 */
export function axisRecedeRate2D(
  ends: ArrayLike<number>,
  o: number,
  px: number,
  py: number,
  hx: number,
  hy: number,
): number {
  const ax = ends[o] as number;
  const ay = ends[o + 1] as number;
  const bx = ends[o + 3] as number;
  const by = ends[o + 4] as number;
  const u = nearestOnSegment2D(ax, ay, bx, by, px, py);
  const nx = ax + u * (bx - ax) - px;
  const ny = ay + u * (by - ay) - py;
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
