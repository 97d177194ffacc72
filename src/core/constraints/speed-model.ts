/**
 * Linear speed bounds at the current arm configuration (after BodyModel.updateArm):
 *  - body part i moves no faster than Σ_k g[i·A + k]·|u_k| for an action u: base v adds |v|, yaw rate
 *    adds |w|·(horizontal distance from the base origin), arm joint j adds |qd_j|·(distance from its axis)
 *    for parts below it (max over the two capsule ends; a rigid motion's speed along a segment peaks at an end);
 *  - the tool tip's velocity in base_link is exactly M·u (3×A, column k at 3·k).
 */
import type { BodyModel } from './body-parts.js';
import { distanceToAxis } from './geometry.js';

export class SpeedModel {
  readonly g: Float64Array;
  readonly m: Float64Array;

  constructor(
    private readonly body: BodyModel,
    private readonly a: number,
  ) {
    this.g = new Float64Array(body.count * a);
    this.m = new Float64Array(3 * a);
  }

  /** Refreshes g and M from the body's current FK. */
  update(): void {
    const { body, a, g } = this;
    body.updateJointFrames();
    const n = body.armJointCount;
    const e = body.endsInBase;
    for (let i = 0; i < body.count; i++) {
      const o = 6 * i;
      g[i * a] = 1;
      g[i * a + 1] = Math.max(
        Math.sqrt((e[o] as number) ** 2 + (e[o + 1] as number) ** 2),
        Math.sqrt((e[o + 3] as number) ** 2 + (e[o + 4] as number) ** 2),
      );
      for (let j = 0; j < n; j++) {
        g[i * a + 2 + j] = body.movesWith[i * n + j] === 1 ? this.jointLever(j, e, o) : 0;
      }
    }
    this.updateTool();
  }

  /** Upper bound on body part i's speed for action u [m/s]. */
  partSpeedBound(i: number, u: ArrayLike<number>): number {
    let s = 0;
    const o = i * this.a;
    for (let k = 0; k < this.a; k++) s += (this.g[o + k] as number) * Math.abs(u[k] as number);
    return s;
  }

  /** Tool-tip speed for action u [m/s] (exact at this configuration; NaN without a tool tip). */
  toolSpeed(u: ArrayLike<number>): number {
    let x = 0;
    let y = 0;
    let z = 0;
    for (let k = 0; k < this.a; k++) {
      const uk = u[k] as number;
      x += (this.m[3 * k] as number) * uk;
      y += (this.m[3 * k + 1] as number) * uk;
      z += (this.m[3 * k + 2] as number) * uk;
    }
    return Math.sqrt(x * x + y * y + z * z);
  }

  private jointLever(j: number, e: Float64Array, o: number): number {
    const b = this.body;
    if (b.isPrismatic(j)) return 1;
    const p = b.jointPointInBase;
    const w = b.jointAxisInBase;
    const px = p[3 * j] as number;
    const py = p[3 * j + 1] as number;
    const pz = p[3 * j + 2] as number;
    const wx = w[3 * j] as number;
    const wy = w[3 * j + 1] as number;
    const wz = w[3 * j + 2] as number;
    const da = distanceToAxis(e[o] as number, e[o + 1] as number, e[o + 2] as number, px, py, pz, wx, wy, wz);
    const db = distanceToAxis(
      e[o + 3] as number,
      e[o + 4] as number,
      e[o + 5] as number,
      px,
      py,
      pz,
      wx,
      wy,
      wz,
    );
    return da > db ? da : db;
  }

  private updateTool(): void {
    const { body, m } = this;
    const t = body.tipInBase;
    const tx = t[0] as number;
    const ty = t[1] as number;
    const tz = t[2] as number;
    m.fill(0);
    m[0] = 1;
    m[3] = -ty;
    m[4] = tx;
    for (let j = 0; j < body.armJointCount; j++) {
      if (body.tipMovesWith[j] !== 1) continue;
      const w = body.jointAxisInBase;
      const p = body.jointPointInBase;
      const wx = w[3 * j] as number;
      const wy = w[3 * j + 1] as number;
      const wz = w[3 * j + 2] as number;
      const c = 3 * (2 + j);
      if (body.isPrismatic(j)) {
        m[c] = wx;
        m[c + 1] = wy;
        m[c + 2] = wz;
        continue;
      }
      const rx = tx - (p[3 * j] as number);
      const ry = ty - (p[3 * j + 1] as number);
      const rz = tz - (p[3 * j + 2] as number);
      m[c] = wy * rz - wz * ry;
      m[c + 1] = wz * rx - wx * rz;
      m[c + 2] = wx * ry - wy * rx;
    }
  }
}
