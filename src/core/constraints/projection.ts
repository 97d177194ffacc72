/**
 * Per-step projection: the action closest (in the sense below) to `desired` that satisfies every per-step
 * constraint at the given robot state, feasible by construction:
 *   1. clamp to the velocity box (speed limits, stop-before-position-limit);
 *   2. scale toward zero until every body part's speed bound fits its separation cap and the tool-tip
 *      speed fits the tool rule (all these sets are convex and contain zero, so scaling stays inside);
 *   3. clamp each component to what the acceleration limits reach from `prev`; if that leaves the
 *      feasible set, move from `prev` along the straight line to the step-2 target as far as the
 *      acceleration limits allow (inside the set whenever `prev` was, by convexity).
 * Caps get a 2 % reserve for the change of lever arms within one period (second-order effect).
 *
 * Once the robot is inside a person's protective separation distance (as the person stands now, not
 * just the horizon's grown disc), the caps toward that person are 0 and the one motion left is to back
 * off: step 2 then keeps only a straight base move (no turning, arm still) in the direction that takes
 * every part away from every such person (forward or reverse, or neither when they disagree or one is
 * nearly beside the base), still capped by the people the robot is *not* too close to. A straight
 * move is a translation; with h·n ≥ RECEDE_MIN_RATE at its start the distance grows by at least that
 * rate (see axisRecedeRate2D), which is what the trajectory checker asks of a part inside S_p.
 */
import { reachableVelocity } from '../robot/index.js';
import type { Person, ToolInfo } from '../types.js';
import type { BodyModel } from './body-parts.js';
import type { ConstraintConfig } from './config.js';
import { axisDistance2D, axisRecedeRate2D } from './geometry.js';
import { accelLimits, velocityBox } from './limits.js';
import type { ResolvedLimits } from './limits.js';
import { discTimeSec, humanSpeedMps, maxPartSpeedMps } from './separation.js';
import { RECEDE_MIN_RATE } from './step-checks.js';
import type { SpeedModel } from './speed-model.js';

const RESERVE = 0.98;

export interface StepState {
  /** base x, y, yaw in odom */
  pose: Float64Array;
  /** arm joint positions */
  q: Float64Array;
}

export class Projector {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** separation speed cap per body part [m/s] at the last `prepare` */
  readonly capMps: Float64Array;
  /** tool-tip speed limit [m/s] at the last `prepare` */
  toolLimitMps = Number.POSITIVE_INFINITY;
  /**
   * Some part is inside a person's protective distance at the last `prepare`: only a straight base
   * move of sign `recedeSign` (+1 forward, −1 reverse, 0 none) is allowed.
   */
  recedeOnly = false;
  recedeSign = 0;
  private readonly acc: Float64Array;
  private readonly dec: Float64Array;
  private readonly ends: Float64Array;
  private readonly target: Float64Array;
  private readonly scratch: Float64Array;
  private readonly reach = new Float64Array(2);
  /** per body part × person: the separation cap toward that person at the last `prepare` [m/s] */
  private capPair = new Float64Array(0);
  /** per person: some part is inside their S_p as they stand now */
  private insideNow = new Uint8Array(0);

  constructor(
    private readonly cfg: ConstraintConfig,
    private readonly lim: ResolvedLimits,
    private readonly body: BodyModel,
    private readonly speed: SpeedModel,
    private readonly a: number,
  ) {
    this.lo = new Float64Array(a);
    this.hi = new Float64Array(a);
    this.acc = new Float64Array(a);
    this.dec = new Float64Array(a);
    accelLimits(cfg, lim, this.acc, this.dec);
    this.capMps = new Float64Array(body.count);
    this.ends = new Float64Array(6 * body.count + 3);
    this.target = new Float64Array(a);
    this.scratch = new Float64Array(a);
  }

  /** Computes the velocity box, separation caps and tool limit at `state`, `step` periods after the snapshot. */
  prepare(state: StepState, people: readonly Person[], tool: ToolInfo, step: number): void {
    const dt = this.cfg.controlPeriodSec;
    const tSec = step * dt;
    this.body.updateArm(state.q);
    this.speed.update();
    velocityBox(this.cfg, this.lim, state.q, dt, this.lo, this.hi);
    this.body.toOdom(state.pose, this.ends);
    const sep = this.cfg.separation;
    const np = people.length;
    if (this.capPair.length < this.body.count * np) {
      // grows with the most people seen at once, then stays
      this.capPair = new Float64Array(this.body.count * np);
      this.insideNow = new Uint8Array(np);
    }
    const { capPair, insideNow } = this;
    insideNow.fill(0, 0, np);
    let nearestGap = Number.POSITIVE_INFINITY;
    let fastestPart = 0;
    for (let i = 0; i < this.body.count; i++) {
      const vFull = this.fullSpeedBound(i);
      fastestPart = Math.max(fastestPart, vFull);
      for (let pi = 0; pi < np; pi++) {
        const gap = this.gapTo(i, people[pi] as Person);
        nearestGap = Math.min(nearestGap, gap);
        if (!sep.enabled) continue;
        const vh = humanSpeedMps(sep, gap - vFull * dt);
        capPair[i * np + pi] = RESERVE * maxPartSpeedMps(sep, gap, tSec, dt, vh);
        if (maxPartSpeedMps(sep, gap, 0, dt, vh) === 0) insideNow[pi] = 1;
      }
    }
    this.recedeOnly = false;
    let forwardOk = true;
    let reverseOk = true;
    // a straight move's unit direction: the base heading
    const hx = Math.cos(state.pose[2] as number);
    const hy = Math.sin(state.pose[2] as number);
    for (let i = 0; i < this.body.count; i++) {
      let cap = Number.POSITIVE_INFINITY;
      for (let pi = 0; sep.enabled && pi < np; pi++) {
        if (!insideNow[pi]) {
          // (a zero cap here comes from the horizon's growing worst-case disc alone: the part has to
          // stand still by then, as always)
          cap = Math.min(cap, capPair[i * np + pi] as number);
          continue;
        }
        // the robot is inside this person's S_p now: every part backs straight off from them (and
        // so needs no cap toward them)
        this.recedeOnly = true;
        const rate = this.recedeRate(i, people[pi] as Person, hx, hy);
        if (!(rate >= RECEDE_MIN_RATE)) forwardOk = false;
        if (!(rate <= -RECEDE_MIN_RATE)) reverseOk = false;
      }
      this.capMps[i] = cap;
    }
    this.recedeSign = forwardOk ? 1 : reverseOk ? -1 : 0;
    // the tool rule looks at the person's worst-case disc after this period
    const vh = humanSpeedMps(sep, nearestGap - fastestPart * dt);
    const gapAfter = nearestGap - fastestPart * dt - vh * discTimeSec(sep, tSec + dt);
    const tc = this.cfg.tool;
    // toolSpeedLimitMps, inlined (no boxed double arguments in this per-step path)
    const limit =
      !tc.enabled || !tool.held || !tool.sharp
        ? Number.POSITIVE_INFINITY
        : gapAfter < tc.nearPersonDistanceM
          ? tc.nearPersonSpeedMaxMps
          : tc.sharpSpeedMaxMps;
    this.toolLimitMps = RESERVE * limit;
  }

  /** Projects `desired` given the previous action; call `prepare` first. */
  project(
    prev: ArrayLike<number>,
    desired: ArrayLike<number>,
    dOff: number,
    out: Float64Array | Float32Array,
    o: number,
  ): void {
    const { a, lo, hi, target } = this;
    for (let k = 0; k < a; k++) {
      const d = desired[dOff + k] as number;
      const v = Number.isFinite(d) ? d : 0;
      target[k] = v < (lo[k] as number) ? (lo[k] as number) : v > (hi[k] as number) ? (hi[k] as number) : v;
    }
    if (this.recedeOnly) {
      const v = target[0] as number;
      target[0] = v * this.recedeSign > 0 ? v : 0;
      for (let k = 1; k < a; k++) target[k] = 0;
    }
    const s = this.capScale(target);
    if (s < 1) for (let k = 0; k < a; k++) target[k] = (target[k] as number) * s;
    let alpha = 1;
    for (let k = 0; k < a; k++) {
      const p = Number.isFinite(prev[k] as number) ? (prev[k] as number) : 0;
      reachableVelocity(
        p,
        this.acc[k] as number,
        this.dec[k] as number,
        this.cfg.controlPeriodSec,
        this.reach,
      );
      const t = target[k] as number;
      const r0 = this.reach[0] as number;
      const r1 = this.reach[1] as number;
      const c = t < r0 ? r0 : t > r1 ? r1 : t;
      out[o + k] = c;
      if (c !== t) alpha = Math.min(alpha, Math.abs((c - p) / (t - p)));
    }
    if (alpha === 1 || this.inside(out, o)) return;
    for (let k = 0; k < a; k++) {
      const p = Number.isFinite(prev[k] as number) ? (prev[k] as number) : 0;
      out[o + k] = p + alpha * ((target[k] as number) - p);
    }
  }

  /** Whether u (at out[o..]) is within the box, every separation cap and the tool limit (after `prepare`). */
  inside(u: ArrayLike<number>, o = 0): boolean {
    for (let k = 0; k < this.a; k++) {
      const v = u[o + k] as number;
      if (!(v >= (this.lo[k] as number) - 1e-9 && v <= (this.hi[k] as number) + 1e-9)) return false;
    }
    if (this.recedeOnly) {
      if ((u[o] as number) * this.recedeSign < 0) return false;
      if (this.recedeSign === 0 && u[o] !== 0) return false;
      for (let k = 1; k < this.a; k++) if (u[o + k] !== 0) return false;
    }
    const view = o === 0 ? u : this.copyOut(u, o);
    return this.capScale(view) >= 1 - 1e-9;
  }

  private copyOut(u: ArrayLike<number>, o: number): Float64Array {
    for (let k = 0; k < this.a; k++) this.scratch[k] = u[o + k] as number;
    return this.scratch;
  }

  /** Largest s ≤ 1 such that s·u meets every separation cap and the tool limit. */
  private capScale(u: ArrayLike<number>): number {
    let s = 1;
    for (let i = 0; i < this.body.count; i++) {
      const v = this.speed.partSpeedBound(i, u);
      const cap = this.capMps[i] as number;
      if (v > cap) s = Math.min(s, cap / v);
    }
    const vt = this.speed.toolSpeed(u);
    if (vt > this.toolLimitMps) s = Math.min(s, this.toolLimitMps / vt);
    return s;
  }

  private fullSpeedBound(i: number): number {
    let s = 0;
    const g = this.speed.g;
    for (let k = 0; k < this.a; k++) {
      s +=
        (g[i * this.a + k] as number) *
        Math.max(Math.abs(this.lo[k] as number), Math.abs(this.hi[k] as number));
    }
    return s;
  }

  private recedeRate(i: number, p: Person, hx: number, hy: number): number {
    return axisRecedeRate2D(this.ends, 6 * i, p.xInOdomM, p.yInOdomM, hx, hy);
  }

  private gapTo(i: number, p: Person): number {
    const d = axisDistance2D(this.ends, 6 * i, p.xInOdomM, p.yInOdomM);
    return d - p.radiusM - (this.body.radiusM[i] as number);
  }
}
