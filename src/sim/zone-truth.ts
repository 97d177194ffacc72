/**
 * Keep-out ground truth from the physics engine: does any robot collider (base or arm link, as the
 * engine has them) intersect a scenario keep-out zone? Each zone is the prism its polygon spans from the
 * floor to `ZONE_TOP_M` (scenario.ts; the height the planner's and the monitor's copies give it too),
 * queried with Rapier's shape intersection. Replaces a test of the base centre alone, which missed an
 * arm reaching into a zone.
 */
import type RAPIER from '@dimforge/rapier3d-compat';
import type { KeepOutZone } from './scenario.js';
import { ZONE_TOP_M } from './scenario.js';
import type { Scene } from './scene.js';

const IDENTITY = { x: 0, y: 0, z: 0, w: 1 };
const ORIGIN = { x: 0, y: 0, z: 0 };

/** Twice the signed area of the turn a→b→c: > 0 counter-clockwise. */
type Pt = readonly [number, number];

function cross(a: Pt, b: Pt, c: Pt): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Throws unless the polygon turns one way only (a convex hull would otherwise overstate it). */
function assertConvex(z: KeepOutZone): void {
  const p = z.polygon;
  let sign = 0;
  for (let i = 0; i < p.length; i++) {
    const c = cross(p[i] as Pt, p[(i + 1) % p.length] as Pt, p[(i + 2) % p.length] as Pt);
    if (Math.abs(c) < 1e-12) continue;
    if (sign === 0) sign = Math.sign(c);
    else if (Math.sign(c) !== sign) {
      throw new Error(`keep-out zone '${z.name}': the engine's zone test needs a convex polygon; split it`);
    }
  }
}

export class ZoneTruth {
  private readonly shapes: RAPIER.Shape[] = [];
  private readonly robotHandles = new Set<number>();
  private hit = false;
  private readonly onHit = (c: RAPIER.Collider): boolean => {
    if (!this.robotHandles.has(c.handle)) return true;
    this.hit = true;
    return false;
  };

  constructor(
    private readonly scene: Scene,
    robotColliders: readonly RAPIER.Collider[],
    zones: readonly KeepOutZone[],
  ) {
    for (const c of robotColliders) this.robotHandles.add(c.handle);
    for (const z of zones) {
      assertConvex(z);
      const pts = new Float32Array(6 * z.polygon.length);
      z.polygon.forEach(([x, y], i) => {
        pts.set([x, y, 0, x, y, ZONE_TOP_M], 6 * i);
      });
      const desc = scene.rapier.ColliderDesc.convexHull(pts);
      if (!desc) throw new Error(`keep-out zone '${z.name}': no convex hull (degenerate polygon)`);
      this.shapes.push(desc.shape);
    }
  }

  /** Does any robot collider intersect any zone now (after the last physics step)? */
  robotInsideAny(): boolean {
    this.hit = false;
    for (const shape of this.shapes) {
      this.scene.world.intersectionsWithShape(ORIGIN, IDENTITY, shape, this.onHit);
      if (this.hit) return true;
    }
    return false;
  }
}
