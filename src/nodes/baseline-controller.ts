/**
 * baseline_controller: go-to-goal that ignores the world model and people. It turns toward the goal,
 * drives, then turns to the goal heading, and moves the arm joints toward their goal positions, all
 * with proportional gains clamped to fixed speeds. It proposes on /mpc_planner/proposal like the
 * planner, so the safety monitor (when present) judges it the same way. A reference point for
 * comparisons, not a safe controller.
 */
import type { ActionCommand } from '../msgs/own.js';
import type { JointState, Odometry } from '../msgs/std.js';
import { MsgType } from '../msgs/types.js';
import { Topic } from '../msgs/topics.js';
import type { BaseState } from '../core/types.js';
import type { NodeHandle, Transport } from '../transport/port.js';
import { QOS_COMMAND, QOS_DEFAULT, QOS_SENSOR_DATA } from '../transport/port.js';
import { JointStateReader, actionToActionCommand, odometryToBase, secToTime } from './convert/index.js';

export interface BaselineGoal {
  xM: number;
  yM: number;
  yawRad: number;
  toleranceM: number;
  jointPos: readonly number[];
}

export interface BaselineOptions {
  jointNames: readonly string[];
  goal: BaselineGoal;
  rateHz: number;
  vMaxMps: number;
  wMaxRadps: number;
  qdMaxRadps: number;
  /** how fast each command may change [m/s², rad/s², rad/s² for joints]: a real drive's ramps */
  accelMps2: number;
  angAccelRadps2: number;
  jointAccelRadps2: number;
}

/** Heading error beyond which the base turns in place before driving [rad]. */
const TURN_FIRST_RAD = 0.6;

/** Moves `out` toward `target` by at most the acceleration limits over `dtS` (both [v, w, qd...]). */
export function rampAction(
  prev: ArrayLike<number>,
  target: ArrayLike<number>,
  o: BaselineOptions,
  dtS: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < out.length; i++) {
    const maxStep = (i === 0 ? o.accelMps2 : i === 1 ? o.angAccelRadps2 : o.jointAccelRadps2) * dtS;
    const p = prev[i] as number;
    const d = (target[i] as number) - p;
    out[i] = p + (d > maxStep ? maxStep : d < -maxStep ? -maxStep : d);
  }
  return out;
}

/** The pure control law: base state + joint positions → action [v, w, qd...] written into `out`. */
export function baselineAction(
  base: BaseState,
  jointPos: ArrayLike<number>,
  o: BaselineOptions,
  out: Float64Array,
): Float64Array {
  const dx = o.goal.xM - base.xInOdomM;
  const dy = o.goal.yM - base.yInOdomM;
  const dist = Math.hypot(dx, dy);
  let v = 0;
  let w: number;
  if (dist > o.goal.toleranceM * 0.5) {
    const err = wrap(Math.atan2(dy, dx) - base.yawInOdomRad);
    w = clamp(2.0 * err, o.wMaxRadps);
    v = Math.abs(err) > TURN_FIRST_RAD ? 0 : clamp(0.8 * dist, o.vMaxMps) * Math.cos(err);
  } else {
    w = clamp(2.0 * wrap(o.goal.yawRad - base.yawInOdomRad), o.wMaxRadps);
  }
  out[0] = v;
  out[1] = w;
  for (let j = 0; j < o.jointNames.length; j++) {
    const target = o.goal.jointPos[j] ?? 0;
    out[2 + j] = clamp(2.0 * (target - (jointPos[j] as number)), o.qdMaxRadps);
  }
  return out;
}

function clamp(v: number, max: number): number {
  return v > max ? max : v < -max ? -max : v;
}

function wrap(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}

export class BaselineController {
  readonly node: NodeHandle;
  private base: BaseState | undefined;
  private readonly jointPos: Float64Array;
  private readonly jointVel: Float64Array;
  private readonly action: Float64Array;
  private readonly target: Float64Array;
  private readonly reader: JointStateReader;
  private planId = 0;

  constructor(
    transport: Transport,
    private readonly options: BaselineOptions,
  ) {
    this.node = transport.createNode('baseline_controller', { useSimTime: true });
    const n = options.jointNames.length;
    this.jointPos = new Float64Array(n);
    this.jointVel = new Float64Array(n);
    this.action = new Float64Array(2 + n);
    this.target = new Float64Array(2 + n);
    this.reader = new JointStateReader(options.jointNames);
    const pub = this.node.createPublisher<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND);
    this.node.subscribe<Odometry>(MsgType.Odometry, Topic.odom, QOS_DEFAULT).subscribe((m) => {
      this.base = this.guard(() => odometryToBase(m), this.base);
    });
    this.node.subscribe<JointState>(MsgType.JointState, Topic.jointStates, QOS_SENSOR_DATA).subscribe((m) => {
      this.guard(() => this.reader.read(m, this.jointPos, this.jointVel), undefined);
    });
    this.node.createTimer(1 / options.rateHz, () => {
      if (!this.base) return; // nothing to act on yet
      baselineAction(this.base, this.jointPos, this.options, this.target);
      rampAction(this.action, this.target, this.options, 1 / this.options.rateHz, this.action);
      const header = { stamp: secToTime(this.node.clock.nowSec()), frame_id: 'base_link' };
      pub.publish(actionToActionCommand(this.action, this.options.jointNames, header, ++this.planId));
    });
  }

  /** Bad input is logged and skipped: the controller keeps its last good state. */
  private guard<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (err) {
      this.node.logger.warn((err as Error).message);
      return fallback;
    }
  }

  destroy(): void {
    this.node.destroy();
  }
}
