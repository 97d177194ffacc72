/**
 * A pinhole camera rendered by ray casting against the physics scene with Rapier's own query
 * (`castRayAndGetNormal`). Each pixel gets its collider kind's colour times Lambert shading on the
 * hit normal, with light falloff by distance; misses get the sky colour. Ray directions in the camera
 * frame are computed once; the output buffer is reused (callers copy when they keep a frame).
 * Camera frame: the ROS optical convention, z forward, x right, y down.
 */
import type RAPIER from '@dimforge/rapier3d-compat';
import type { Scene } from './scene.js';
import { Group, interactionGroups } from './scene.js';
import { KIND_COLOURS } from './layout.js';

export interface CameraSpec {
  widthPx: number;
  heightPx: number;
  /** horizontal field of view [rad] */
  hfovRad: number;
  /** rays longer than this see the sky [m] */
  maxRangeM: number;
}

export const DEFAULT_CAMERA: Readonly<CameraSpec> = Object.freeze({
  widthPx: 128,
  heightPx: 96,
  hfovRad: (90 * Math.PI) / 180,
  maxRangeM: 15,
});

/** A rigid pose: translation [m] and row-major 3×3 rotation (columns = the frame's axes in world). */
export interface Pose3 {
  t: Float64Array; // length 3
  r: Float64Array; // length 9, row-major
}

const SKY = [0.7, 0.8, 0.95] as const;
// light from above and slightly behind, normalised
const LIGHT = (() => {
  const v = [0.3, -0.4, 1.0];
  const n = Math.hypot(v[0] as number, v[1] as number, v[2] as number);
  return v.map((c) => c / n) as [number, number, number];
})();
const AMBIENT = 0.35;

export class RayCastCamera {
  /** rgb8, row-major, step = 3 × width */
  readonly pixels: Uint8Array;
  private readonly dirs: Float32Array;
  private readonly ray: RAPIER.Ray;

  constructor(
    private readonly scene: Scene,
    readonly spec: CameraSpec = DEFAULT_CAMERA,
  ) {
    if (!(
      spec.widthPx >= 1 &&
      spec.heightPx >= 1 &&
      Number.isInteger(spec.widthPx) &&
      Number.isInteger(spec.heightPx)
    )) {
      throw new Error(`camera: width/height must be positive integers, got ${spec.widthPx}×${spec.heightPx}`);
    }
    if (!(spec.hfovRad > 0 && spec.hfovRad < Math.PI))
      throw new Error(`camera: hfov must be in (0, π) rad, got ${spec.hfovRad}`);
    this.pixels = new Uint8Array(spec.widthPx * spec.heightPx * 3);
    this.dirs = new Float32Array(spec.widthPx * spec.heightPx * 3);
    const f = spec.widthPx / 2 / Math.tan(spec.hfovRad / 2);
    for (let v = 0; v < spec.heightPx; v++) {
      for (let u = 0; u < spec.widthPx; u++) {
        const x = (u + 0.5 - spec.widthPx / 2) / f;
        const y = (v + 0.5 - spec.heightPx / 2) / f;
        const n = Math.hypot(x, y, 1);
        const i = (v * spec.widthPx + u) * 3;
        this.dirs[i] = x / n;
        this.dirs[i + 1] = y / n;
        this.dirs[i + 2] = 1 / n;
      }
    }
    this.ray = new scene.rapier.Ray({ x: 0, y: 0, z: 0 }, { x: 0, y: 0, z: 1 });
  }

  /** Renders from `cameraInOdom` into `pixels`; `withPeople: false` leaves people out (goal images). */
  render(cameraInOdom: Pose3, options: { withPeople: boolean } = { withPeople: true }): Uint8Array {
    const { t, r } = cameraInOdom;
    const world = this.scene.world;
    const ray = this.ray;
    ray.origin.x = t[0] as number;
    ray.origin.y = t[1] as number;
    ray.origin.z = t[2] as number;
    const groups = options.withPeople
      ? interactionGroups(Group.query, Group.static | Group.people | Group.robotArm)
      : interactionGroups(Group.queryNoPeople, Group.static);
    const r0 = r[0] as number,
      r1 = r[1] as number,
      r2 = r[2] as number;
    const r3 = r[3] as number,
      r4 = r[4] as number,
      r5 = r[5] as number;
    const r6 = r[6] as number,
      r7 = r[7] as number,
      r8 = r[8] as number;
    const dirs = this.dirs;
    const out = this.pixels;
    const maxRange = this.spec.maxRangeM;
    for (let i = 0; i < dirs.length; i += 3) {
      const dx = dirs[i] as number,
        dy = dirs[i + 1] as number,
        dz = dirs[i + 2] as number;
      ray.dir.x = r0 * dx + r1 * dy + r2 * dz;
      ray.dir.y = r3 * dx + r4 * dy + r5 * dz;
      ray.dir.z = r6 * dx + r7 * dy + r8 * dz;
      const hit = world.castRayAndGetNormal(ray, maxRange, true, undefined, groups);
      this.shade(hit, i);
    }
    return out;
  }

  private shade(hit: RAPIER.RayColliderIntersection | null, i: number): void {
    const out = this.pixels;
    if (!hit) {
      out[i] = SKY[0] * 255;
      out[i + 1] = SKY[1] * 255;
      out[i + 2] = SKY[2] * 255;
      return;
    }
    const kind = this.scene.kindOf(hit.collider.handle) ?? 0;
    const c = KIND_COLOURS[kind] ?? KIND_COLOURS[0] ?? SKY;
    const n = hit.normal;
    const lambert = Math.max(0, n.x * LIGHT[0] + n.y * LIGHT[1] + n.z * LIGHT[2]);
    // gentle falloff so depth reads in flat-coloured scenes
    const fade = 1 / (1 + 0.06 * hit.timeOfImpact);
    const k = (AMBIENT + (1 - AMBIENT) * lambert) * fade * 255;
    out[i] = Math.min(255, c[0] * k);
    out[i + 1] = Math.min(255, c[1] * k);
    out[i + 2] = Math.min(255, c[2] * k);
  }
}
