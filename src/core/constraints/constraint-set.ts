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
  const armJointNames = robot.armJointNames;
  const a = actionSize(armJointNames.length);
  const dt = config.controlPeriodSec;
  const lim = resolveJointLimits(robot, armJointNames, config);
  checkStoppingTime(config, lim, armJointNames);
  const body = new BodyModel(robot, armJointNames);
  const speed = new SpeedModel(body, a);
  const projector = new Projector(config, lim, body, speed, a);
  const checker = new TrajectoryChecker(config, lim, body, config.keepOutZones.zones.map(compileZone), a);
  const acc = new Float64Array(a);
  const dec = new Float64Array(a);
  accelLimits(config, lim, acc, dec);
  const state: StepState = { pose: new Float64Array(3), q: new Float64Array(armJointNames.length) };
  const prev = new Float64Array(a);
  const stopBuf = new Float32Array(MAX_STOP_STEPS * a);
  const pose = new Float64Array(3);

  const loadState = (world: WorldSnapshot): void => {
    const b = world.robot.base;
    state.pose[0] = b.xInOdomM;
    state.pose[1] = b.yInOdomM;
    state.pose[2] = b.yawInOdomRad;
    state.q.set(world.robot.jointPos);
    prev[0] = b.vMps;
    prev[1] = b.wRadps;
    for (let j = 0; j < armJointNames.length; j++) prev[2 + j] = world.robot.jointVel[j] as number;
  };
  /** one period of hardest braking from v (per component, never crossing zero) */
  const brakeFrom = (
    v: ArrayLike<number>,
    vOff: number,
    out: Float64Array | Float32Array,
    o: number,
  ): void => {
    for (let k = 0; k < a; k++) {
      const x = v[vOff + k] as number;
      if (!Number.isFinite(x)) out[o + k] = 0;
      else out[o + k] = Math.sign(x) * Math.max(0, Math.abs(x) - (dec[k] as number) * dt);
    }
  };
  const checkActions = (what: string, actions: ArrayLike<number>, n: number): void => {
    if (!Number.isInteger(n) || n < 0 || actions.length < n * a) {
      throw new Error(
        `${what}: needs ${n}×${a} = ${n * a} numbers ([vMps, wRadps, ${armJointNames.join(', ')}] per step), got ${actions.length}`,
      );
    }
  };

  const set: ConstraintSet = {
    armJointNames,
    actionDim: a,
    stepSec: dt,
    config,
    projectAction(world, prevAction, desired, out) {
      assertWorldShape(world, armJointNames);
      checkActions('projectAction desired', desired, 1);
      if (!worldIsFinite(world)) return brakeFrom(prevAction, 0, out, 0);
      loadState(world);
      projector.prepare(state, world.people, world.tool, 0);
      projector.project(prevAction, desired, 0, out, 0);
    },
    projectSequence(world, desired, h, out) {
      assertWorldShape(world, armJointNames);
      checkActions('projectSequence desired', desired, h);
      checkActions('projectSequence out', out, h);
      loadState(world);
      const finite = worldIsFinite(world);
      for (let i = 0; i < h; i++) {
        const o = i * a;
        if (!finite) brakeFrom(prev, 0, out, o);
        else {
          projector.prepare(state, world.people, world.tool, i);
          projector.project(prev, desired, o, out, o);
        }
        for (let k = 0; k < a; k++) prev[k] = out[o + k] as number;
        advanceBasePose(state.pose, prev, 0, dt);
        for (let j = 0; j < armJointNames.length; j++)
          state.q[j] = (state.q[j] as number) + (prev[2 + j] as number) * dt;
      }
    },
    evaluate(world, actions, h) {
      assertWorldShape(world, armJointNames);
      checkActions('evaluate actions', actions, h);
      const bad = nonFiniteField(world);
      if (bad !== undefined) return invalidWorld(bad);
      const violations: Violation[] = [];
      const feasible = checker.run(world, actions, 0, h, violations);
      return { feasible, violations, minSeparationMarginM: checker.minMarginM };
    },
    evaluateBatch(world, actions, k, h, outFeasible, outMinMarginM) {
      assertWorldShape(world, armJointNames);
      checkActions('evaluateBatch actions', actions, k * h);
      if (outFeasible.length < k || outMinMarginM.length < k) {
        throw new Error(
          `evaluateBatch: outFeasible and outMinMarginM need ${k} entries, got ${outFeasible.length}/${outMinMarginM.length}`,
        );
      }
      const finite = worldIsFinite(world);
      for (let c = 0; c < k; c++) {
        const ok = finite && checker.run(world, actions, c * h * a, h, null);
        outFeasible[c] = ok ? 1 : 0;
        outMinMarginM[c] = finite ? checker.minMarginM : Number.NEGATIVE_INFINITY;
      }
    },
    checkStopping(world, action) {
      assertWorldShape(world, armJointNames);
      checkActions('checkStopping action', action, 1);
      const bad = nonFiniteField(world);
      if (bad !== undefined) return invalidWorld(bad);
      for (let k = 0; k < a; k++) stopBuf[k] = action[k] as number;
      let n = 1;
      while (n < MAX_STOP_STEPS && !isZero(stopBuf, (n - 1) * a, a)) {
        brakeFrom(stopBuf, (n - 1) * a, stopBuf, n * a);
        n++;
      }
      return set.evaluate(world, stopBuf, n);
    },
    brakingAction(world, out) {
      assertWorldShape(world, armJointNames);
      loadState(world);
      brakeFrom(prev, 0, out, 0);
    },
    predictBasePoses(world, actions, h, outXYYaw) {
      checkActions('predictBasePoses actions', actions, h);
      if (outXYYaw.length < 3 * h)
        throw new Error(`predictBasePoses: outXYYaw needs ${3 * h} numbers, got ${outXYYaw.length}`);
      const b = world.robot.base;
      pose[0] = b.xInOdomM;
      pose[1] = b.yInOdomM;
      pose[2] = b.yawInOdomRad;
      for (let i = 0; i < h; i++) {
        advanceBasePose(pose, actions, i * a, dt);
        outXYYaw.set(pose, 3 * i);
      }
    },
  };
  return set;
}

function isZero(buf: Float32Array, o: number, a: number): boolean {
  for (let k = 0; k < a; k++) if (buf[o + k] !== 0 && !Number.isNaN(buf[o + k])) return false;
  return true;
}

function invalidWorld(field: string): Evaluation {
  const v: Violation = {
    constraintId: 'invalid_input',
    step: 0,
    bodyPart: 'world',
    marginM: Number.NEGATIVE_INFINITY,
    detail: `${field}: expected a finite number`,
  };
  return { feasible: false, violations: [v], minSeparationMarginM: Number.NEGATIVE_INFINITY };
}
