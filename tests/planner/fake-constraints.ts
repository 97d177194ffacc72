/**
 * A small stand-in for the constraint library, so the planner is tested on rules whose answers can be
 * worked out by hand:
 *  - box limits |v| ≤ vMaxMps, |w| ≤ wMaxRadps, |qd| ≤ qdMaxRadps;
 *  - a keep-out half-plane x ≥ wallXM for the base centre (if set);
 *  - each person must stay clearanceM clear of the base centre at every step while the base moves
 *    (|v| > 0); a base standing still is always safe.
 * Projection clamps to the box and zeroes v on any step that would break the other two rules.
 */
import type {
  PlannerConstraints,
  PlannerEvaluation,
  PlannerViolation,
} from '../../src/core/planner/constraints-port.js';
import type { WorldSnapshot } from '../../src/core/types.js';

export interface FakeConstraintOptions {
  armJoints: number;
  stepSec: number;
  vMaxMps: number;
  wMaxRadps: number;
  qdMaxRadps: number;
  wallXM?: number;
  clearanceM: number;
}

export const FAKE_DEFAULTS: FakeConstraintOptions = {
  armJoints: 0,
  stepSec: 0.1,
  vMaxMps: 0.5,
  wMaxRadps: 1,
  qdMaxRadps: 1,
  clearanceM: 0.5,
};

const clamp = (v: number, m: number): number => Math.max(-m, Math.min(m, v));

export class FakeConstraints implements PlannerConstraints {
  readonly actionDim: number;
  readonly stepSec: number;
  /** how often each method was called (to check the planner's call pattern) */
  readonly calls = { project: 0, evaluateBatch: 0, evaluate: 0, checkStopping: 0, stoppable: 0 };
  private readonly o: FakeConstraintOptions;

  constructor(options: Partial<FakeConstraintOptions> = {}) {
    this.o = { ...FAKE_DEFAULTS, ...options };
    this.actionDim = 2 + this.o.armJoints;
    this.stepSec = this.o.stepSec;
  }

  /** The first broken rule if the base moves at vMps to (x, y), else undefined. */
  private stepViolation(
    world: WorldSnapshot,
    x: number,
    y: number,
    vMps: number,
    step: number,
  ): PlannerViolation | undefined {
    if (this.o.wallXM !== undefined && x >= this.o.wallXM) {
      return {
        constraintId: 'keep_out',
        step,
        bodyPart: 'base',
        marginM: this.o.wallXM - x,
        detail: 'base enters the wall zone',
      };
    }
    if (Math.abs(vMps) < 1e-9) return undefined;
    for (const p of world.people) {
      const margin = Math.hypot(p.xInOdomM - x, p.yInOdomM - y) - this.o.clearanceM;
      if (margin < 0)
        return {
          constraintId: 'separation',
          step,
          bodyPart: 'base',
          marginM: margin,
          detail: `person ${p.id}`,
        };
    }
    return undefined;
  }

  private limitViolation(seq: Float32Array, off: number, step: number): PlannerViolation | undefined {
    const lim = [this.o.vMaxMps, this.o.wMaxRadps];
    for (let j = 0; j < this.actionDim; j++) {
      const m = (lim[j] ?? this.o.qdMaxRadps) - Math.abs(seq[off + j] as number);
      if (m < -1e-6)
        return { constraintId: 'limits', step, bodyPart: 'base', marginM: m, detail: `action ${j} too fast` };
    }
    return undefined;
  }

  /** Walks one sequence; `fix` projects in place into `out`, otherwise returns the first violation. */
  private walk(
    world: WorldSnapshot,
    seq: Float32Array,
    off: number,
    h: number,
    out?: Float32Array,
  ): PlannerViolation | undefined {
    let { xInOdomM: x, yInOdomM: y, yawInOdomRad: yaw } = world.robot.base;
    const a = this.actionDim;
    const dt = this.stepSec;
    for (let t = 0; t < h; t++) {
      const i = off + t * a;
      if (out) {
        out[t * a] = clamp(seq[i] as number, this.o.vMaxMps);
        out[t * a + 1] = clamp(seq[i + 1] as number, this.o.wMaxRadps);
        for (let j = 2; j < a; j++) out[t * a + j] = clamp(seq[i + j] as number, this.o.qdMaxRadps);
      }
      const src = out ?? seq;
      const s = out ? t * a : i;
      if (!out) {
        const lim = this.limitViolation(seq, i, t);
        if (lim) return lim;
      }
      const w = src[s + 1] as number;
      const v = src[s] as number;
      const mid = yaw + 0.5 * w * dt;
      let nx = x + v * Math.cos(mid) * dt;
      let ny = y + v * Math.sin(mid) * dt;
      const bad = this.stepViolation(world, nx, ny, v, t);
      if (bad && out) {
        out[s] = 0;
        nx = x;
        ny = y;
      } else if (bad) return bad;
      x = nx;
      y = ny;
      yaw += w * dt;
    }
    return undefined;
  }

  projectSequence(world: WorldSnapshot, desired: Float32Array, h: number, out: Float32Array): void {
    this.calls.project++;
    this.walk(world, desired, 0, h, out);
  }

  evaluate(world: WorldSnapshot, actions: Float32Array, h: number): PlannerEvaluation {
    this.calls.evaluate++;
    const v = this.walk(world, actions, 0, h);
    return { feasible: v === undefined, violations: v ? [v] : [], minSeparationMarginM: v ? v.marginM : 1 };
  }

  evaluateBatch(
    world: WorldSnapshot,
    actions: Float32Array,
    k: number,
    h: number,
    outFeasible: Uint8Array,
    outMinMarginM: Float32Array,
  ): void {
    this.calls.evaluateBatch++;
    for (let i = 0; i < k; i++) {
      const v = this.walk(world, actions, i * h * this.actionDim, h);
      outFeasible[i] = v ? 0 : 1;
      outMinMarginM[i] = v ? v.marginM : 1;
    }
  }

  checkStopping(world: WorldSnapshot, action: Float64Array): PlannerEvaluation {
    this.calls.checkStopping++;
    return this.evaluate(world, Float32Array.from(action), 1);
  }

  stoppable(world: WorldSnapshot, action: Float64Array): boolean {
    this.calls.stoppable++;
    return this.evaluate(world, Float32Array.from(action), 1).feasible;
  }

  brakingAction(_world: WorldSnapshot, out: Float64Array): void {
    out.fill(0);
  }

  predictBasePoses(world: WorldSnapshot, actions: Float32Array, h: number, outXYYaw: Float64Array): void {
    let { xInOdomM: x, yInOdomM: y, yawInOdomRad: yaw } = world.robot.base;
    const a = this.actionDim;
    for (let t = 0; t < h; t++) {
      const v = actions[t * a] as number;
      const w = actions[t * a + 1] as number;
      const mid = yaw + 0.5 * w * this.stepSec;
      x += v * Math.cos(mid) * this.stepSec;
      y += v * Math.sin(mid) * this.stepSec;
      yaw += w * this.stepSec;
      outXYYaw[3 * t] = x;
      outXYYaw[3 * t + 1] = y;
      outXYYaw[3 * t + 2] = yaw;
    }
  }
}
