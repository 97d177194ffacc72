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
import { ColliderKind, KIND_COLOURS } from './layout.js';

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
const MISS = -1;
/** kinds built from boxes (flat faces); people are capsules, robot links cylinders */
const FLAT_KINDS: ReadonlySet<number> = new Set<number>([
  ColliderKind.floor,
  ColliderKind.wall,
  ColliderKind.counter,
  ColliderKind.appliance,
  ColliderKind.table,
  ColliderKind.board,
]);
const NOT_CAST = -2;

export class RayCastCamera {
  /** rgb8, row-major, step = 3 × width */
  readonly pixels: Uint8Array;
  private readonly dirs: Float32Array;
  private readonly ray: RAPIER.Ray;
  /** per pixel: handle of the collider its ray hit, MISS, or NOT_CAST (reused every frame) */
  private readonly hitOf: Float64Array;
  /** per pixel: 1 if its ray hit a flat (box) surface, whose shading interpolates linearly */
  private readonly flatHit: Uint8Array;
  private readonly rot = new Float64Array(9);
  /** camera rays see the layout, people and the arm links (base colliders are not drawn) */
  private readonly groups = interactionGroups(Group.query, Group.static | Group.people | Group.robotArm);

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
    this.hitOf = new Float64Array(spec.widthPx * spec.heightPx);
    this.flatHit = new Uint8Array(spec.widthPx * spec.heightPx);
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

  /**
   * Renders from `cameraInOdom` into `pixels`.
   * Adaptive sampling: rays are cast at every other pixel of every other row first; a pixel between
   * four samples that hit the same collider is interpolated from them, any other pixel gets its own
   * ray. Object edges stay exact; flat floor and walls cost a quarter of the rays. With
   * `exact: true` every pixel is cast (for tests and references).
   */
  render(cameraInOdom: Pose3, options: { exact?: boolean } = {}): Uint8Array {
    const { t, r } = cameraInOdom;
    const ray = this.ray;
    ray.origin.x = t[0] as number;
    ray.origin.y = t[1] as number;
    ray.origin.z = t[2] as number;
    this.rot.set(r);
    const W = this.spec.widthPx;
    const H = this.spec.heightPx;
    const exact = options.exact === true;
    for (let v = 0; v < H; v++) {
      const sampleRow = exact || v % 2 === 0 || v === H - 1;
      for (let u = 0; u < W; u++) {
        if (sampleRow && (exact || u % 2 === 0 || u === W - 1)) this.cast(v * W + u);
        else this.hitOf[v * W + u] = NOT_CAST;
      }
    }
    if (!exact) this.fill(W, H);
    return this.pixels;
  }

  /** Second pass: interpolate where the surrounding samples agree, cast where they do not. */
  private fill(W: number, H: number): void {
    const hits = this.hitOf;
    const out = this.pixels;
    for (let v = 0; v < H; v++) {
      const v0 = v % 2 === 0 || v === H - 1 ? v : v - 1;
      const v1 = v0 === v ? v : v + 1;
      for (let u = 0; u < W; u++) {
        const p = v * W + u;
        if (hits[p] !== NOT_CAST) continue;
        const u0 = u % 2 === 0 || u === W - 1 ? u : u - 1;
        const u1 = u0 === u ? u : u + 1;
        const a = v0 * W + u0;
        const b = v0 * W + u1;
        const c = v1 * W + u0;
        const d = v1 * W + u1;
        const h = hits[a] as number;
        // curved bodies (people, arm links) shade non-linearly across a pixel pair: cast those too
        if (h !== hits[b] || h !== hits[c] || h !== hits[d] || this.flatHit[a] === 0) {
          this.cast(p);
          continue;
        }
        const fu = u1 === u0 ? 0 : (u - u0) / (u1 - u0);
        const fv = v1 === v0 ? 0 : (v - v0) / (v1 - v0);
        for (let ch = 0; ch < 3; ch++) {
          const top = (out[3 * a + ch] as number) * (1 - fu) + (out[3 * b + ch] as number) * fu;
          const bottom = (out[3 * c + ch] as number) * (1 - fu) + (out[3 * d + ch] as number) * fu;
          out[3 * p + ch] = top * (1 - fv) + bottom * fv;
        }
        hits[p] = h;
      }
    }
  }

  /** Casts pixel p's ray, shades it, remembers which collider it hit. */
  private cast(p: number): void {
    const dirs = this.dirs;
    const r = this.rot;
    const i = 3 * p;
    const dx = dirs[i] as number;
    const dy = dirs[i + 1] as number;
    const dz = dirs[i + 2] as number;
    const ray = this.ray;
    ray.dir.x = (r[0] as number) * dx + (r[1] as number) * dy + (r[2] as number) * dz;
    ray.dir.y = (r[3] as number) * dx + (r[4] as number) * dy + (r[5] as number) * dz;
    ray.dir.z = (r[6] as number) * dx + (r[7] as number) * dy + (r[8] as number) * dz;
    const hit = this.scene.world.castRayAndGetNormal(ray, this.spec.maxRangeM, true, undefined, this.groups);
    this.hitOf[p] = hit ? hit.collider.handle : MISS;
    this.flatHit[p] = hit === null || FLAT_KINDS.has(this.scene.kindOf(hit.collider.handle) ?? -1) ? 1 : 0;
    this.shade(hit, i);
  }

  private shade(hit: RAPIER.RayColliderIntersection | null, i: number): void {
    const out = this.pixels;
    if (!hit) {
      out[i] = SKY[0] * 255;
      out[i + 1] = SKY[1] * 255;
      out[i + 2] = SKY[2] * 255;
      return;
    }
    const handle = hit.collider.handle;
    const c = this.scene.colourOf(handle) ?? KIND_COLOURS[this.scene.kindOf(handle) ?? 0] ?? SKY;
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
