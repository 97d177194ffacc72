/**
 * Full-trajectory check: rolls the analytic state (diff-drive arcs, integrated joint positions, FK capsules)
 * through h actions and checks every constraint at every step. In batch mode (no `sink`) it stops at the
 * first violation; with a sink it records them all. Allocation-free in batch mode.
 */
import type { WorldSnapshot } from '../types.js';
import type { Violation } from './api.js';
import type { BodyModel } from './body-parts.js';
import type { ConstraintConfig } from './config.js';
import type { ResolvedLimits } from './limits.js';
import { accelLimits } from './limits.js';
import { advanceBasePose } from '../robot/diff-drive.js';
import { checkSeparationAndZones } from './step-checks.js';
import type { StepContext } from './step-checks.js';
import type { CompiledZone } from './zones.js';

/** Tolerances: actions arrive as float32, so compare with a little slack. */
export const TOL_SPEED = 1e-5;
export const TOL_POS = 1e-6;

export class TrajectoryChecker {
  /** smallest separation margin seen by the last run [m] */
  minMarginM = Number.POSITIVE_INFINITY;
  private readonly ctx: StepContext;
  private readonly acc: Float64Array;
  private readonly dec: Float64Array;
  private readonly q: Float64Array;
  private readonly prev: Float64Array;

  constructor(
    private readonly cfg: ConstraintConfig,
    private readonly lim: ResolvedLimits,
    private readonly body: BodyModel,
    zones: readonly CompiledZone[],
    private readonly a: number,
  ) {
    this.acc = new Float64Array(a);
    this.dec = new Float64Array(a);
    accelLimits(cfg, lim, this.acc, this.dec);
    this.q = new Float64Array(lim.n);
    this.prev = new Float64Array(a);
    const m = 6 * body.count + 3;
    this.ctx = {
      cfg,
      body,
      zones,
      prevEnds: new Float64Array(m),
      curEnds: new Float64Array(m),
      px: new Float64Array(8),
      py: new Float64Array(8),
      pr: new Float64Array(8),
      ids: new Float64Array(8),
      nPeople: 0,
      partMove2: new Float64Array(body.count),
      pose: new Float64Array(3),
      minMarginM: Number.POSITIVE_INFINITY,
      sink: null,
    };
  }

  /** Checks actions[offset .. offset + h·A); returns feasibility, sets minMarginM. */
  run(
    world: WorldSnapshot,
    actions: ArrayLike<number>,
    offset: number,
    h: number,
    sink: Violation[] | null,
  ): boolean {
    const { a, q, prev, ctx, body } = this;
    this.start(world);
    ctx.sink = sink;
    let ok = true;
    const dt = this.cfg.controlPeriodSec;
    const pose = ctx.pose;
    pose[0] = world.robot.base.xInOdomM;
    pose[1] = world.robot.base.yInOdomM;
    pose[2] = world.robot.base.yawInOdomRad;
    for (let i = 0; i < h; i++) {
      const o = offset + i * a;
      if (!this.checkFinite(actions, o, i)) return this.finish(false);
      ok = this.checkLimits(actions, o, i) && ok;
      if (!ok && !sink) return this.finish(false);
      advanceBasePose(pose, actions, o, dt);
      let armMoved = false;
      for (let j = 0; j < this.lim.n; j++) {
        const qd = actions[o + 2 + j] as number;
        if (qd !== 0) armMoved = true;
        q[j] = (q[j] as number) + qd * dt;
        prev[2 + j] = qd;
      }
      prev[0] = actions[o] as number;
      prev[1] = actions[o + 1] as number;
      ok = this.checkPositions(i) && ok;
      if (armMoved) body.updateArm(q);
      body.toOdom(pose, ctx.curEnds);
      ok = checkSeparationAndZones(ctx, world, i) && ok;
      if (!ok && !sink) return this.finish(false);
      const swap = ctx.prevEnds;
      ctx.prevEnds = ctx.curEnds;
      ctx.curEnds = swap;
    }
    return this.finish(ok);
  }

  private finish(ok: boolean): boolean {
    this.minMarginM = this.ctx.minMarginM;
    return ok;
  }

  private start(world: WorldSnapshot): void {
    const r = world.robot;
    const { prev, q, ctx } = this;
    prev[0] = r.base.vMps;
    prev[1] = r.base.wRadps;
    for (let j = 0; j < this.lim.n; j++) {
      q[j] = r.jointPos[j] as number;
      prev[2 + j] = r.jointVel[j] as number;
    }
    this.body.updateArm(q);
    ctx.pose[0] = r.base.xInOdomM;
    ctx.pose[1] = r.base.yInOdomM;
    ctx.pose[2] = r.base.yawInOdomRad;
    this.body.toOdom(ctx.pose, ctx.prevEnds);
    this.loadPeople(world);
    ctx.minMarginM = Number.POSITIVE_INFINITY;
  }

  private loadPeople(world: WorldSnapshot): void {
    const ctx = this.ctx;
    const n = world.people.length;
    if (n > ctx.px.length) {
      ctx.px = new Float64Array(2 * n);
      ctx.py = new Float64Array(2 * n);
      ctx.pr = new Float64Array(2 * n);
      ctx.ids = new Float64Array(2 * n);
    }
    for (let p = 0; p < n; p++) {
      const person = world.people[p];
      if (!person) continue;
      ctx.px[p] = person.xInOdomM;
      ctx.py[p] = person.yInOdomM;
      ctx.pr[p] = person.radiusM;
      ctx.ids[p] = person.id;
    }
    ctx.nPeople = n;
  }

  private checkFinite(actions: ArrayLike<number>, o: number, step: number): boolean {
    for (let k = 0; k < this.a; k++) {
      if (!Number.isFinite(actions[o + k] as number)) {
        this.ctx.sink?.push({
          constraintId: 'invalid_input',
          step,
          bodyPart: k < 2 ? 'base' : `action[${k}]`,
          marginM: Number.NEGATIVE_INFINITY,
          detail: `action component ${k} is ${actions[o + k]}, expected a finite number`,
        });
        return false;
      }
    }
    return true;
  }

  private checkLimits(actions: ArrayLike<number>, o: number, step: number): boolean {
    const { cfg, lim, prev } = this;
    const sink = this.ctx.sink;
    let ok = true;
    if (cfg.base.enabled) {
      const v = actions[o] as number;
      const w = actions[o + 1] as number;
      const mv = Math.min(v - cfg.base.vMinMps, cfg.base.vMaxMps - v);
      const mw = cfg.base.wMaxRadps - Math.abs(w);
      if (mv < -TOL_SPEED) {
        ok = false;
        sink?.push(
          fail(
            'base_velocity',
            step,
            'base',
            mv,
            `v ${v} m/s outside [${cfg.base.vMinMps}, ${cfg.base.vMaxMps}]`,
          ),
        );
      }
      if (mw < -TOL_SPEED) {
        ok = false;
        sink?.push(fail('base_velocity', step, 'base', mw, `w ${w} rad/s beyond ±${cfg.base.wMaxRadps}`));
      }
    }
    for (let j = 0; j < lim.n; j++) {
      const qd = actions[o + 2 + j] as number;
      const m = (lim.vel[j] as number) - Math.abs(qd);
      if (m < -TOL_SPEED) {
        ok = false;
        sink?.push(fail('joint_velocity', step, this.jointName(j), m, `${qd} beyond ±${lim.vel[j]}`));
      }
    }
    const dt = cfg.controlPeriodSec;
    for (let k = 0; k < this.a; k++) {
      // reachable range from prev: speeding up at acc, slowing toward zero at max(acc, dec)
      const p = prev[k] as number;
      const acc = this.acc[k] as number;
      const brake = Math.max(acc, this.dec[k] as number);
      const u = actions[o + k] as number;
      const m = Math.min(u - (p - (p > 0 ? brake : acc) * dt), p + (p < 0 ? brake : acc) * dt - u);
      if (m < -TOL_SPEED) {
        ok = false;
        const part = k < 2 ? 'base' : this.jointName(k - 2);
        const detail = `${p} → ${u} in ${dt} s exceeds the acceleration limit`;
        sink?.push(fail(k < 2 ? 'base_acceleration' : 'joint_acceleration', step, part, m, detail));
      }
    }
    return ok;
  }

  private checkPositions(step: number): boolean {
    let ok = true;
    for (let j = 0; j < this.lim.n; j++) {
      const qj = this.q[j] as number;
      const m = Math.min(qj - (this.lim.lower[j] as number), (this.lim.upper[j] as number) - qj);
      if (m < -TOL_POS) {
        ok = false;
        const detail = `${qj.toFixed(4)} outside [${this.lim.lower[j]}, ${this.lim.upper[j]}] (margin applied)`;
        this.ctx.sink?.push(fail('joint_position', step, this.jointName(j), m, detail));
      }
    }
    return ok;
  }

  private jointName(j: number): string {
    return this.body.kin.variableJointNames[j] as string;
  }
}

function fail(
  constraintId: string,
  step: number,
  bodyPart: string,
  marginM: number,
  detail: string,
): Violation {
  return { constraintId, step, bodyPart, marginM, detail };
}
