/**
 * The planner node's latest inputs, converted once on arrival (bad messages are dropped with a
 * counted, named error) and stamped with their arrival time on the node clock, so a silent sensor is
 * noticed however its headers are stamped.
 */
import type { Person, ToolInfo, WorldSnapshot } from '../../core/types.js';
import type { LatentState, ToolState, TrackedPersonArray } from '../../msgs/own.js';
import type { JointState, Odometry } from '../../msgs/std.js';
import type { Logger } from '../../transport/port.js';
import {
  JointStateReader,
  MessageError,
  numberArray,
  odometryToBase,
  toolStateToInfo,
  trackedPeopleToPersons,
} from '../convert/index.js';

export interface PlannerTopics {
  latent: string;
  goalLatent: string;
  jointStates: string;
  odom: string;
  people: string;
  toolState: string;
  goalJointStates: string;
}

type InputName = 'latent' | 'odom' | 'jointStates' | 'people' | 'toolState';

export class PlannerInputs {
  readonly z: Float32Array;
  readonly goal: Float32Array;
  hasGoal = false;
  /** bumps every time the goal latent changes (the node resets the warm start) */
  goalVersion = 0;
  /** the goal's arm posture, in armJointNames order; valid once hasGoalPosture */
  readonly goalJointPos: Float64Array;
  hasGoalPosture = false;
  rejected = 0;
  readonly world: WorldSnapshot;
  private readonly receivedSec: Record<InputName, number> = {
    latent: -Infinity,
    odom: -Infinity,
    jointStates: -Infinity,
    people: -Infinity,
    toolState: -Infinity,
  };
  private readonly joints: JointStateReader;
  private readonly goalJoints: JointStateReader;
  private readonly goalPosScratch: Float64Array;
  private readonly goalVelScratch: Float64Array;

  constructor(
    readonly latentDim: number,
    readonly modelId: string,
    readonly armJointNames: readonly string[],
    private readonly topics: PlannerTopics,
    private readonly frames: { odomFrame: string; baseFrame: string },
    private readonly logger: Logger,
  ) {
    this.z = new Float32Array(latentDim);
    this.goal = new Float32Array(latentDim);
    const n = armJointNames.length;
    this.joints = new JointStateReader(armJointNames, { topic: topics.jointStates });
    this.goalJoints = new JointStateReader(armJointNames, { topic: topics.goalJointStates });
    this.goalJointPos = new Float64Array(n);
    this.goalPosScratch = new Float64Array(n);
    this.goalVelScratch = new Float64Array(n);
    this.world = {
      robot: {
        base: { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0, wRadps: 0 },
        jointPos: new Float64Array(n),
        jointVel: new Float64Array(n),
      },
      people: [] as Person[],
      tool: { name: '', held: false, sharp: false } as ToolInfo,
      stampSec: 0,
    };
  }

  /** Runs a conversion; a MessageError drops the message and is logged (first few) and counted. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof MessageError)) throw err;
      this.rejected++;
      if (this.rejected <= 5) this.logger.warn(`dropping message: ${err.message}`);
    }
  }

  private readLatent(msg: LatentState, topic: string, out: Float32Array): void {
    if (msg === null || typeof msg !== 'object')
      throw new MessageError(topic, '(message)', 'a LatentState', String(msg));
    if (msg.model_id !== this.modelId) {
      throw new MessageError(
        topic,
        'model_id',
        `'${this.modelId}' (the planner's world model)`,
        `'${msg.model_id}'`,
      );
    }
    const values = numberArray(topic, 'latent', msg.latent);
    if (values.length !== out.length)
      throw new MessageError(topic, 'latent', `${out.length} values`, `${values.length}`);
    for (let j = 0; j < values.length; j++) {
      const v = values[j] as number;
      if (!Number.isFinite(v)) throw new MessageError(topic, `latent[${j}]`, 'a finite number', String(v));
    }
    out.set(values);
  }

  latent(msg: LatentState, nowSec: number): void {
    this.guard(() => {
      this.readLatent(msg, this.topics.latent, this.z);
      this.receivedSec.latent = nowSec;
    });
  }

  goalLatent(msg: LatentState): void {
    this.guard(() => {
      const before = Float32Array.from(this.goal);
      this.readLatent(msg, this.topics.goalLatent, this.goal);
      if (!this.hasGoal || before.some((v, j) => Math.abs(v - (this.goal[j] as number)) > 1e-6))
        this.goalVersion++;
      this.hasGoal = true;
    });
  }

  goalJointStates(msg: JointState): void {
    this.guard(() => {
      // through a scratch: a message rejected halfway must not leave half a posture behind
      this.goalJoints.read(msg, this.goalPosScratch, this.goalVelScratch);
      this.goalJointPos.set(this.goalPosScratch);
      this.hasGoalPosture = true;
    });
  }

  odom(msg: Odometry, nowSec: number): void {
    this.guard(() => {
      odometryToBase(
        msg,
        { topic: this.topics.odom, odomFrame: this.frames.odomFrame, baseFrame: this.frames.baseFrame },
        this.world.robot.base,
      );
      this.receivedSec.odom = nowSec;
    });
  }

  jointStates(msg: JointState, nowSec: number): void {
    this.guard(() => {
      this.joints.read(msg, this.world.robot.jointPos, this.world.robot.jointVel);
      this.receivedSec.jointStates = nowSec;
    });
  }

  people(msg: TrackedPersonArray, nowSec: number): void {
    this.guard(() => {
      this.world.people = trackedPeopleToPersons(msg, {
        topic: this.topics.people,
        odomFrame: this.frames.odomFrame,
      });
      this.receivedSec.people = nowSec;
    });
  }

  toolState(msg: ToolState, nowSec: number): void {
    this.guard(() => {
      this.world.tool = toolStateToInfo(msg, this.topics.toolState);
      this.receivedSec.toolState = nowSec;
    });
  }

  /** Why the inputs cannot be trusted now, naming the topic and its age, or undefined when all are fresh. */
  staleReason(nowSec: number, timeoutSec: number, toolTimeoutSec: number): string | undefined {
    const names: InputName[] = ['latent', 'odom', 'people', 'toolState'];
    if (this.armJointNames.length > 0) names.push('jointStates');
    for (const name of names) {
      const age = nowSec - this.receivedSec[name];
      const limit = name === 'toolState' ? toolTimeoutSec : timeoutSec;
      if (age > limit) {
        const topic = this.topics[name];
        return Number.isFinite(age)
          ? `stale input: ${topic} last received ${age.toFixed(2)} s ago (limit ${limit} s); no proposal`
          : `missing input: nothing received on ${topic} yet; no proposal`;
      }
    }
    return undefined;
  }
}
