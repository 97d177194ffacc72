/**
 * explore: random but limit-respecting actions for collecting world-model training data. Base and
 * arm velocities follow an Ornstein–Uhlenbeck process (smooth, seeded), clamped to a fraction of the
 * limits; the base turns away when a point ahead of it would be inside furniture or a wall (it reads
 * the scenario layout: a data-collection helper, not a planner), and the arm is pushed back from its
 * joint limits. explore_drive (`drive`): the same noise, but the base steers to far random waypoints
 * (explore-waypoints.ts) and drives only while roughly facing them.
 */
import type { Rng } from '../core/math/rng.js';
import type { ActionCommand } from '../msgs/own.js';
import type { JointState, Odometry } from '../msgs/std.js';
import { MsgType } from '../msgs/types.js';
import { Topic } from '../msgs/topics.js';
import { QOS_COMMAND, QOS_DEFAULT, QOS_SENSOR_DATA } from '../transport/port.js';
import {
  JointStateReader,
  actionToActionCommand,
  odometryToBase,
  secToTime,
} from '../nodes/convert/index.js';
import type { BaseState } from '../core/types.js';
import type { PipelineContext, PipelineStage } from './controllers.js';
import { blocked } from './explore-blocked.js';
import { bearingErrorRad, pickWaypoint } from './explore-waypoints.js';

const RATE_HZ = 10;
const LOOKAHEAD_M = 0.7;
/**
 * explore_drive looks less far ahead, so it drives up to 0.85 m (base centre) from a wall it faces:
 * goal images taken that close to a wall (crossing's goal is 1 m from the end wall) are then in the data
 */
const DRIVE_LOOKAHEAD_M = 0.4;
const CLEARANCE_M = 0.45;
const BASE_ACCEL_MPS2 = 0.7;
const BASE_ANG_ACCEL_RADPS2 = 1.8;
const JOINT_ACCEL_RADPS2 = 2.5;
/** explore_drive: next waypoint at least this far [m]; reached within ARRIVE_M; given up after GIVE_UP_S */
const WAYPOINT_MIN_DIST_M = 4;
const ARRIVE_M = 0.8;
const GIVE_UP_S = 30;
/** explore_drive's steering: turn rate per rad of bearing error; drive only within DRIVE_BEARING_RAD */
const STEER_GAIN_PER_S = 1.5;
const DRIVE_BEARING_RAD = 0.6;

export interface ExploreOptions {
  /** drive to far random waypoints (with the same noise on top) instead of wandering */
  drive?: boolean;
}

function ramp(from: number, to: number, maxStep: number): number {
  const d = to - from;
  return from + (d > maxStep ? maxStep : d < -maxStep ? -maxStep : d);
}

class OrnsteinUhlenbeck {
  value = 0;
  constructor(
    private readonly rng: Rng,
    private readonly thetaPerS: number,
    private readonly sigma: number,
    private readonly mean = 0,
  ) {}
  step(dtS: number): number {
    this.value +=
      this.thetaPerS * (this.mean - this.value) * dtS + this.sigma * Math.sqrt(dtS) * this.rng.normal();
    return this.value;
  }
}

export function createExploreController(ctx: PipelineContext, opts: ExploreOptions = {}): PipelineStage {
  const node = ctx.transport.createNode('explore_controller', { useSimTime: true });
  const names = ctx.model.armJointNames;
  const joints = names.map((n) => ctx.model.joints.get(n));
  const reader = new JointStateReader(names);
  const q = new Float64Array(names.length);
  const qdNow = new Float64Array(names.length);
  const action = new Float64Array(2 + names.length);
  const vProc = new OrnsteinUhlenbeck(ctx.rng, 0.5, 0.35, 0.25);
  const wProc = new OrnsteinUhlenbeck(ctx.rng, 0.8, 0.9);
  const qdProcs = names.map(() => new OrnsteinUhlenbeck(ctx.rng, 1.0, 0.6));
  let base: BaseState | undefined;
  let turnSign = 1;
  let waypoint: { xM: number; yM: number } | undefined;
  let waypointAgeS = 0;
  let planId = 0;
  const pub = node.createPublisher<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND);
  node
    .subscribe<Odometry>(MsgType.Odometry, Topic.odom, QOS_DEFAULT)
    .subscribe((m) => (base = odometryToBase(m)));
  node
    .subscribe<JointState>(MsgType.JointState, Topic.jointStates, QOS_SENSOR_DATA)
    .subscribe((m) => reader.read(m, q, qdNow));
  const dt = 1 / RATE_HZ;
  node.createTimer(dt, () => {
    if (!base) return;
    let v = Math.min(Math.max(vProc.step(dt), -0.2), 0.7);
    let w = Math.min(Math.max(wProc.step(dt), -1.2), 1.2);
    if (opts.drive) {
      const { xInOdomM: x, yInOdomM: y, yawInOdomRad: yaw } = base;
      waypointAgeS += dt;
      if (!waypoint || waypointAgeS > GIVE_UP_S || Math.hypot(waypoint.xM - x, waypoint.yM - y) < ARRIVE_M) {
        waypoint = pickWaypoint(ctx.scenario.layout, ctx.rng, x, y, WAYPOINT_MIN_DIST_M);
        waypointAgeS = 0;
      }
      if (waypoint) {
        const err = bearingErrorRad(x, y, yaw, waypoint.xM, waypoint.yM);
        // the wandering noise stays on top, smaller, so runs down the corridor still vary
        w = Math.min(Math.max(STEER_GAIN_PER_S * err + 0.3 * w, -1.2), 1.2);
        v = Math.abs(err) < DRIVE_BEARING_RAD ? Math.min(Math.max(v + 0.2, 0.15), 0.7) : 0;
      }
    }
    const ahead = Math.sign(v) * (opts.drive ? DRIVE_LOOKAHEAD_M : LOOKAHEAD_M);
    const xAhead = base.xInOdomM + ahead * Math.cos(base.yawInOdomRad);
    const yAhead = base.yInOdomM + ahead * Math.sin(base.yawInOdomRad);
    if (blocked(ctx.scenario.layout, xAhead, yAhead, CLEARANCE_M)) {
      v = 0;
      w = 1.0 * turnSign;
      vProc.value = 0.1;
    } else if (ctx.rng.next() < 0.02) turnSign = -turnSign;
    // ramp at a little under the configured drive accelerations, so a monitor would pass these
    action[0] = ramp(action[0] as number, v, BASE_ACCEL_MPS2 * dt);
    action[1] = ramp(action[1] as number, w, BASE_ANG_ACCEL_RADPS2 * dt);
    for (let j = 0; j < names.length; j++) {
      const lim = joints[j]?.limits;
      const vMax = 0.5 * Math.min(lim?.velocity ?? 1, 1.5);
      let qd = Math.min(Math.max((qdProcs[j] as OrnsteinUhlenbeck).step(dt), -vMax), vMax);
      // steer back from the last 15 % of the range
      const lo = lim?.lower ?? -Math.PI;
      const hi = lim?.upper ?? Math.PI;
      const margin = 0.15 * (hi - lo);
      const qj = q[j] as number;
      if (qj > hi - margin && qd > 0) qd = -Math.abs(qd);
      if (qj < lo + margin && qd < 0) qd = Math.abs(qd);
      action[2 + j] = ramp(action[2 + j] as number, qd, JOINT_ACCEL_RADPS2 * dt);
    }
    const header = { stamp: secToTime(node.clock.nowSec()), frame_id: 'base_link' };
    pub.publish(actionToActionCommand(action, names, header, ++planId));
  });
  return {
    status: () => (opts.drive ? 'exploring (waypoints)' : 'exploring'),
    dispose: () => node.destroy(),
  };
}
