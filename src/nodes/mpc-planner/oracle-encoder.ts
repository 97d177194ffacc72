/**
 * The oracle's stand-in for the observation encoder: latents from ground truth instead of images.
 * It encodes odometry + joint states with the analytic world model (exact in the simulator) and the
 * goal pose as the goal latent, on the same topics and message types as the real encoder, so the
 * planner, monitor and topics are exactly those of the learned pipeline. A comparison, not a sensor.
 */
import type { Subscription } from 'rxjs';
import type { AnalyticWorldModel } from '../../core/worldmodel/analytic-world-model.js';
import type { LatentState } from '../../msgs/own.js';
import type { JointState, Odometry } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import { MsgType } from '../../msgs/types.js';
import type { NodeHandle, Timer } from '../../transport/port.js';
import { QOS_DEFAULT, QOS_LATCHED, QOS_SENSOR_DATA } from '../../transport/port.js';
import { JointStateReader, MessageError, odometryToBase, secToTime } from '../convert/index.js';

export interface OracleGoal {
  xM: number;
  yM: number;
  yawRad: number;
  jointPos: readonly number[];
}

export interface OracleEncoderHandle {
  stop(): void;
}

export function startOracleEncoder(
  node: NodeHandle,
  model: AnalyticWorldModel,
  armJointNames: readonly string[],
  goal: OracleGoal,
): OracleEncoderHandle {
  const n = armJointNames.length;
  const jointPos = new Float64Array(n);
  const jointVel = new Float64Array(n);
  const reader = new JointStateReader(armJointNames);
  let haveJoints = n === 0;
  const latentPub = node.createPublisher<LatentState>(MsgType.LatentState, Topic.latent, QOS_DEFAULT);
  const goalPub = node.createPublisher<LatentState>(MsgType.LatentState, Topic.goalLatent, QOS_LATCHED);
  const message = (latent: Float32Array): LatentState => {
    const stamp = secToTime(node.clock.nowSec());
    return {
      header: { stamp, frame_id: 'odom' },
      model_id: model.spec.modelId,
      observation_stamp: stamp,
      latent,
    };
  };
  const goalLatent = new Float32Array(model.spec.latentDim);
  model.encodePose(goal.xM, goal.yM, goal.yawRad, goal.jointPos, goalLatent);
  const publishGoal = (): void => goalPub.publish(message(Float32Array.from(goalLatent)));
  const warn = (err: unknown): void => {
    if (!(err instanceof MessageError)) throw err;
    node.logger.warn(`oracle encoder: dropping message: ${err.message}`);
  };
  const subs: Subscription[] = [
    node.subscribe<JointState>(MsgType.JointState, Topic.jointStates, QOS_SENSOR_DATA).subscribe((m) => {
      try {
        reader.read(m, jointPos, jointVel);
        haveJoints = true;
      } catch (err) {
        warn(err);
      }
    }),
    node.subscribe<Odometry>(MsgType.Odometry, Topic.odom, QOS_SENSOR_DATA).subscribe((m) => {
      if (!haveJoints) return;
      try {
        const b = odometryToBase(m);
        const z = new Float32Array(model.spec.latentDim);
        model.encodePose(b.xInOdomM, b.yInOdomM, b.yawInOdomRad, jointPos, z);
        latentPub.publish(message(z));
      } catch (err) {
        warn(err);
      }
    }),
  ];
  // the goal is re-sent every second so a planner started later still gets it
  const timer: Timer = node.createTimer(1, publishGoal);
  publishGoal();
  return {
    stop: () => {
      timer.cancel();
      for (const s of subs) s.unsubscribe();
    },
  };
}
