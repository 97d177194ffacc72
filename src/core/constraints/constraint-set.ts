/**
 * createConstraintSet: wires the robot model and the config into the ConstraintSet used by the planner
 * and the monitor. One instance is not re-entrant (it reuses its buffers); create one per user.
 */
import { advanceBasePose } from '../robot/index.js';
import type { RobotModel } from '../robot/index.js';
import { actionSize } from '../types.js';
import type { WorldSnapshot } from '../types.js';
import type { ConstraintSet, Evaluation, Violation } from './api.js';
import { BodyModel } from './body-parts.js';
import type { ConstraintConfig } from './config.js';
import { accelLimits, checkStoppingTime, resolveJointLimits } from './limits.js';
import { Projector } from './projection.js';
import type { StepState } from './projection.js';
import { SpeedModel } from './speed-model.js';
import { TrajectoryChecker } from './trajectory-check.js';
import { assertWorldShape, nonFiniteField, worldIsFinite } from './world-input.js';
import { compileZone } from './zones.js';

/** Longest braking tail checkStopping builds [steps]. */
const MAX_STOP_STEPS = 200;

export function createConstraintSet(robot: RobotModel, config: ConstraintConfig): ConstraintSet {
  return new RobotConstraintSet(robot, config);
}

class RobotConstraintSet implements ConstraintSet {
  readonly armJointNames: readonly string[];
  readonly actionDim: number;
  readonly stepSec: number;
  private readonly projector: Projector;
  private readonly checker: TrajectoryChecker;
  private readonly dec: Float64Array;
  private readonly state: StepState;
  private readonly prev: Float64Array;
  private readonly stopBuf: Float32Array;

  constructor(
    robot: RobotModel,
    readonly config: ConstraintConfig,
  ) {
    this.armJointNames = robot.armJointNames;
    const a = actionSize(this.armJointNames.length);
    this.actionDim = a;
    this.stepSec = config.controlPeriodSec;
    const lim = resolveJointLimits(robot, this.armJointNames, config);
    checkStoppingTime(config, lim, this.armJointNames);
    const body = new BodyModel(robot, this.armJointNames);
    this.projector = new Projector(config, lim, body, new SpeedModel(body, a), a);
    this.checker = new TrajectoryChecker(config, lim, body, config.keepOutZones.zones.map(compileZone), a);
    this.dec = new Float64Array(a);
    accelLimits(config, lim, new Float64Array(a), this.dec);
    this.state = { pose: new Float64Array(3), q: new Float64Array(this.armJointNames.length) };
    this.prev = new Float64Array(a);
    this.stopBuf = new Float32Array(MAX_STOP_STEPS * a);
  }

  projectAction(
    world: WorldSnapshot,
    prevAction: ArrayLike<number>,
    desired: ArrayLike<number>,
    out: Float64Array,
  ): void {
    assertWorldShape(world, this.armJointNames);
    this.checkActions('projectAction desired', desired, 1);
    if (!worldIsFinite(world)) return this.brakeFrom(prevAction, 0, out, 0);
    this.loadState(world);
    this.projector.prepare(this.state, world.people, world.tool, 0);
    this.projector.project(prevAction, desired, 0, out, 0);
  }

  projectSequence(world: WorldSnapshot, desired: Float32Array, h: number, out: Float32Array): void {
    assertWorldShape(world, this.armJointNames);
    this.checkActions('projectSequence desired', desired, h);
    this.checkActions('projectSequence out', out, h);
    this.loadState(world);
    const { actionDim: a, prev, state } = this;
    const finite = worldIsFinite(world);
    for (let i = 0; i < h; i++) {
      const o = i * a;
      if (!finite) this.brakeFrom(prev, 0, out, o);
      else {
        this.projector.prepare(state, world.people, world.tool, i);
        this.projector.project(prev, desired, o, out, o);
      }
      for (let k = 0; k < a; k++) prev[k] = out[o + k] as number;
      advanceBasePose(state.pose, prev, 0, this.stepSec);
      for (let j = 0; j < state.q.length; j++)
        state.q[j] = (state.q[j] as number) + (prev[2 + j] as number) * this.stepSec;
    }
  }

  evaluate(world: WorldSnapshot, actions: Float32Array, h: number): Evaluation {
    assertWorldShape(world, this.armJointNames);
    this.checkActions('evaluate actions', actions, h);
    const bad = nonFiniteField(world);
    if (bad !== undefined) return invalidWorld(bad);
    const violations: Violation[] = [];
    const feasible = this.checker.run(world, actions, 0, h, violations);
    return { feasible, violations, minSeparationMarginM: this.checker.minMarginM };
  }

  evaluateBatch(
    world: WorldSnapshot,
    actions: Float32Array,
    k: number,
    h: number,
    outFeasible: Uint8Array,
    outMinMarginM: Float32Array,
  ): void {
    assertWorldShape(world, this.armJointNames);
    this.checkActions('evaluateBatch actions', actions, k * h);
    if (outFeasible.length < k || outMinMarginM.length < k) {
      throw new Error(
        `evaluateBatch: outFeasible and outMinMarginM need ${k} entries, got ${outFeasible.length}/${outMinMarginM.length}`,
      );
    }
    const finite = worldIsFinite(world);
    for (let c = 0; c < k; c++) {
      const ok = finite && this.checker.run(world, actions, c * h * this.actionDim, h, null);
      outFeasible[c] = ok ? 1 : 0;
      outMinMarginM[c] = finite ? this.checker.minMarginM : Number.NEGATIVE_INFINITY;
    }
  }

  checkStopping(world: WorldSnapshot, action: ArrayLike<number>): Evaluation {
    assertWorldShape(world, this.armJointNames);
    this.checkActions('checkStopping action', action, 1);
    const bad = nonFiniteField(world);
    if (bad !== undefined) return invalidWorld(bad);
    return this.evaluate(world, this.stopBuf, this.fillStopping(action));
  }

  stoppable(world: WorldSnapshot, action: ArrayLike<number>): boolean {
    assertWorldShape(world, this.armJointNames);
    this.checkActions('stoppable action', action, 1);
    if (!worldIsFinite(world)) return false;
    return this.checker.run(world, this.stopBuf, 0, this.fillStopping(action), null);
  }

  /** stopBuf ← `action`, then one period of hardest braking per step until at rest; returns the step count. */
  private fillStopping(action: ArrayLike<number>): number {
    const { stopBuf, actionDim: a } = this;
    for (let k = 0; k < a; k++) stopBuf[k] = action[k] as number;
    let n = 1;
    while (n < MAX_STOP_STEPS && !isZero(stopBuf, (n - 1) * a, a)) {
      this.brakeFrom(stopBuf, (n - 1) * a, stopBuf, n * a);
      n++;
    }
    return n;
  }

  brakingAction(world: WorldSnapshot, out: Float64Array): void {
    assertWorldShape(world, this.armJointNames);
    this.loadState(world);
    this.brakeFrom(this.prev, 0, out, 0);
  }

  predictBasePoses(world: WorldSnapshot, actions: Float32Array, h: number, outXYYaw: Float64Array): void {
    this.checkActions('predictBasePoses actions', actions, h);
    if (outXYYaw.length < 3 * h)
      throw new Error(`predictBasePoses: outXYYaw needs ${3 * h} numbers, got ${outXYYaw.length}`);
    const pose = this.state.pose;
    pose[0] = world.robot.base.xInOdomM;
    pose[1] = world.robot.base.yInOdomM;
    pose[2] = world.robot.base.yawInOdomRad;
    for (let i = 0; i < h; i++) {
      advanceBasePose(pose, actions, i * this.actionDim, this.stepSec);
      outXYYaw.set(pose, 3 * i);
    }
  }

  private loadState(world: WorldSnapshot): void {
    const b = world.robot.base;
    const { state, prev } = this;
    state.pose[0] = b.xInOdomM;
    state.pose[1] = b.yInOdomM;
    state.pose[2] = b.yawInOdomRad;
    state.q.set(world.robot.jointPos);
    prev[0] = b.vMps;
    prev[1] = b.wRadps;
    for (let j = 0; j < state.q.length; j++) prev[2 + j] = world.robot.jointVel[j] as number;
  }

  /** One period of hardest braking from v (per component, never crossing zero; non-finite → 0). */
  private brakeFrom(v: ArrayLike<number>, vOff: number, out: Float64Array | Float32Array, o: number): void {
    for (let k = 0; k < this.actionDim; k++) {
      const x = v[vOff + k] as number;
      if (!Number.isFinite(x)) out[o + k] = 0;
      else out[o + k] = Math.sign(x) * Math.max(0, Math.abs(x) - (this.dec[k] as number) * this.stepSec);
    }
  }

  private checkActions(what: string, actions: ArrayLike<number>, n: number): void {
    const a = this.actionDim;
    if (!Number.isInteger(n) || n < 0 || actions.length < n * a) {
      const layout = `[vMps, wRadps, ${this.armJointNames.join(', ')}] per step`;
      throw new Error(`${what}: needs ${n}×${a} = ${n * a} numbers (${layout}), got ${actions.length}`);
    }
  }
}

function isZero(buf: Float32Array, o: number, a: number): boolean {
  for (let k = 0; k < a; k++) if (buf[o + k] !== 0 && !Number.isNaN(buf[o + k])) return false;
  return true;
}

function invalidWorld(field: string): Evaluation {
  const detail = `${field}: expected a finite number`;
  const v: Violation = {
    constraintId: 'invalid_input',
    step: 0,
    bodyPart: 'world',
    marginM: Number.NEGATIVE_INFINITY,
    detail,
  };
  return { feasible: false, violations: [v], minSeparationMarginM: Number.NEGATIVE_INFINITY };
}
