/** The explorers' one reading of the layout: is a point too near a wall or piece of furniture? */
import type { Layout } from './layout.js';
import { ColliderKind } from './layout.js';

/** Is (x, y) within `clearanceM` of a wall or piece of furniture? */
export function blocked(layout: Layout, xM: number, yM: number, clearanceM: number): boolean {
  if (xM < layout.xMinM + clearanceM || xM > layout.xMaxM - clearanceM) return true;
  if (yM < layout.yMinM + clearanceM || yM > layout.yMaxM - clearanceM) return true;
  for (const b of layout.boxes) {
    // walls count too: a corridor's walls lie inside its bounds (its side passages widen them)
    if (b.kind === ColliderKind.floor) continue;
    if (Math.abs(xM - b.x) < b.hx + clearanceM && Math.abs(yM - b.y) < b.hy + clearanceM) return true;
  }
  return false;
}
