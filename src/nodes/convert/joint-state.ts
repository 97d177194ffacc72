/**
 * sensor_msgs/JointState → arm joint positions/velocities in the core's joint order.
 *
 * A robot's /joint_states usually also carries joints we do not control (wheels, grippers): those are
 * ignored unless `extraJoints: 'error'`. Every joint we need must be present exactly once with finite
 * values. A missing (empty) velocity array is allowed, as the message definition permits: velocities
 * are then written as 0 and `hasVelocity` is false so the caller can estimate them.
 */
import type { JointState } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import { MessageError, describeValue, finite, numberArray, stringArray } from './errors.js';

export interface JointStateReadOptions {
  topic?: string;
  /** 'ignore' (default): other joints in the message are skipped; 'error': they are rejected */
  extraJoints?: 'ignore' | 'error';
}

export interface JointStateReadResult {
  /** false when the message had an empty velocity array (velocities written as 0) */
  hasVelocity: boolean;
}

/**
 * Reads positions (and velocities) of `jointOrder` from `msg` into `outPos`/`outVel` (length ≥ jointOrder.length).
 * Allocates nothing when the message's name order is the same as the last call's (the usual case).
 */
export class JointStateReader {
  private readonly indexInMsg: Int32Array;
  private lastNames: readonly string[] | undefined;

  constructor(
    readonly jointOrder: readonly string[],
    private readonly options: JointStateReadOptions = {},
  ) {
    if (new Set(jointOrder).size !== jointOrder.length) {
      throw new Error(`JointStateReader: duplicate joint in order [${jointOrder.join(', ')}]`);
    }
    this.indexInMsg = new Int32Array(jointOrder.length);
  }

  read(msg: JointState, outPos: Float64Array, outVel: Float64Array): JointStateReadResult {
    const topic = this.options.topic ?? Topic.jointStates;
    if (msg === null || typeof msg !== 'object')
      throw new MessageError(topic, '(message)', 'a JointState', describeValue(msg));
    const names = stringArray(topic, 'name', msg.name);
    const pos = numberArray(topic, 'position', msg.position);
    const vel = numberArray(topic, 'velocity', msg.velocity);
    if (pos.length !== names.length) {
      throw new MessageError(topic, 'position', `${names.length} values (one per name)`, `${pos.length}`);
    }
    if (vel.length !== 0 && vel.length !== names.length) {
      throw new MessageError(topic, 'velocity', `0 or ${names.length} values`, `${vel.length}`);
    }
    if (!this.sameNamesAsLast(names)) this.mapNames(topic, names);
    const hasVelocity = vel.length > 0;
    for (let j = 0; j < this.jointOrder.length; j++) {
      const i = this.indexInMsg[j] as number;
      const p = pos[i] as number;
      const v = hasVelocity ? (vel[i] as number) : 0;
      // field names are built only on error: this runs for every joint of every message
      if (!Number.isFinite(p)) finite(topic, `position[${i}] (${names[i]})`, p);
      if (!Number.isFinite(v)) finite(topic, `velocity[${i}] (${names[i]})`, v);
      outPos[j] = p;
      outVel[j] = v;
    }
    return { hasVelocity };
  }

  private sameNamesAsLast(names: readonly string[]): boolean {
    const last = this.lastNames;
    if (last === undefined || last.length !== names.length) return false;
    for (let i = 0; i < names.length; i++) if (last[i] !== names[i]) return false;
    return true;
  }

  private mapNames(topic: string, names: readonly string[]): void {
    this.lastNames = undefined;
    const seen = new Set<string>();
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      if (seen.has(name))
        throw new MessageError(topic, `name[${i}]`, 'unique joint names', `'${name}' twice`);
      seen.add(name);
      if (this.options.extraJoints === 'error' && !this.jointOrder.includes(name)) {
        throw new MessageError(
          topic,
          `name[${i}]`,
          `one of [${this.jointOrder.join(', ')}]`,
          `unknown joint '${name}'`,
        );
      }
    }
    for (let j = 0; j < this.jointOrder.length; j++) {
      const i = names.indexOf(this.jointOrder[j] as string);
      if (i < 0) {
        throw new MessageError(
          topic,
          'name',
          `joint '${this.jointOrder[j]}'`,
          `[${names.join(', ')}] (missing)`,
        );
      }
      this.indexInMsg[j] = i;
    }
    this.lastNames = names.slice();
  }
}

/** One-shot form of JointStateReader.read that allocates its outputs. */
export function jointStateToArm(
  msg: JointState,
  jointOrder: readonly string[],
  options: JointStateReadOptions = {},
): { jointPos: Float64Array; jointVel: Float64Array; hasVelocity: boolean } {
  const jointPos = new Float64Array(jointOrder.length);
  const jointVel = new Float64Array(jointOrder.length);
  const { hasVelocity } = new JointStateReader(jointOrder, options).read(msg, jointPos, jointVel);
  return { jointPos, jointVel, hasVelocity };
}

/** Arm state → JointState (the simulator publishes this). Velocity array included; effort left empty. */
export function armToJointState(
  jointNames: readonly string[],
  jointPos: ArrayLike<number>,
  jointVel: ArrayLike<number>,
  header: JointState['header'],
): JointState {
  if (jointPos.length !== jointNames.length || jointVel.length !== jointNames.length) {
    throw new RangeError(
      `armToJointState: expected ${jointNames.length} positions and velocities, got ${jointPos.length} and ${jointVel.length}`,
    );
  }
  return {
    header,
    name: jointNames.slice(),
    position: Array.from(jointPos),
    velocity: Array.from(jointVel),
    effort: [],
  };
}
