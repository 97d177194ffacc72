/**
 * nav_msgs/Odometry ⇄ BaseState. The pose is in header.frame_id (the odometry frame), the twist in
 * child_frame_id (the base frame), as REP-105 and diff_drive_controller publish it.
 */
import type { Odometry, Quaternion } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import type { BaseState } from '../../core/types.js';
import { MessageError, checkFrame, describeValue, finite } from './errors.js';

export interface OdometryReadOptions {
  topic?: string;
  /** expected header.frame_id, e.g. 'odom' (undefined or '' accepts any) */
  odomFrame?: string;
  /** expected child_frame_id, e.g. 'base_link' (undefined or '' accepts any) */
  baseFrame?: string;
}

/** Yaw [rad] of a quaternion (rotation about z after normalising); throws for a zero or non-finite quaternion. */
export function yawFromQuaternion(q: Quaternion, topic = '?', field = 'orientation'): number {
  const x = finite(topic, `${field}.x`, q.x);
  const y = finite(topic, `${field}.y`, q.y);
  const z = finite(topic, `${field}.z`, q.z);
  const w = finite(topic, `${field}.w`, q.w);
  const norm2 = x * x + y * y + z * z + w * w;
  // an all-zero quaternion is a common "unset" value: refuse it rather than report yaw 0
  if (norm2 < 1e-12) throw new MessageError(topic, field, 'a unit quaternion', 'a zero quaternion');
  // atan2(2(wz + xy), w² + x² − y² − z²) is invariant to the quaternion's scale, so no normalisation needed
  return Math.atan2(2 * (w * z + x * y), w * w + x * x - y * y - z * z);
}

/** Quaternion for a rotation of `yawRad` about z, written into `out` when given. */
export function quaternionFromYaw(yawRad: number, out: Quaternion = { x: 0, y: 0, z: 0, w: 1 }): Quaternion {
  out.x = 0;
  out.y = 0;
  out.z = Math.sin(yawRad / 2);
  out.w = Math.cos(yawRad / 2);
  return out;
}

/** Odometry → BaseState, written into `out` when given. */
export function odometryToBase(msg: Odometry, options: OdometryReadOptions = {}, out?: BaseState): BaseState {
  const topic = options.topic ?? Topic.odom;
  if (msg === null || typeof msg !== 'object' || !msg.header || !msg.pose?.pose || !msg.twist?.twist) {
    throw new MessageError(
      topic,
      '(message)',
      'an Odometry with header, pose.pose and twist.twist',
      describeValue(msg),
    );
  }
  checkFrame(topic, 'header.frame_id', msg.header.frame_id, options.odomFrame);
  checkFrame(topic, 'child_frame_id', msg.child_frame_id, options.baseFrame);
  const p = msg.pose.pose;
  const t = msg.twist.twist;
  const base = out ?? { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0, wRadps: 0 };
  base.xInOdomM = finite(topic, 'pose.pose.position.x', p.position.x);
  base.yInOdomM = finite(topic, 'pose.pose.position.y', p.position.y);
  base.yawInOdomRad = yawFromQuaternion(p.orientation, topic, 'pose.pose.orientation');
  base.vMps = finite(topic, 'twist.twist.linear.x', t.linear.x);
  base.wRadps = finite(topic, 'twist.twist.angular.z', t.angular.z);
  return base;
}

/** BaseState → Odometry (the simulator publishes this); covariances are zero (exact simulated odometry). */
export function baseToOdometry(base: BaseState, header: Odometry['header'], baseFrame: string): Odometry {
  return {
    header,
    child_frame_id: baseFrame,
    pose: {
      pose: {
        position: { x: base.xInOdomM, y: base.yInOdomM, z: 0 },
        orientation: quaternionFromYaw(base.yawInOdomRad),
      },
      covariance: new Array<number>(36).fill(0),
    },
    twist: {
      twist: { linear: { x: base.vMps, y: 0, z: 0 }, angular: { x: 0, y: 0, z: base.wRadps } },
      covariance: new Array<number>(36).fill(0),
    },
  };
}
