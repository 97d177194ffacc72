/**
 * ROS messages → the monitor's inputs. Conversion errors (src/nodes/convert MessageError) and anything
 * else a message can throw mark the source faulty with the error text: the monitor then brakes until a
 * good message arrives. Nothing here throws.
 */
import type {
  AcceptResult,
  InputSource,
  MonitorConfig,
  MonitorInputs,
  Proposal,
} from '../../core/monitor/index.js';
import type { BaseState } from '../../core/types.js';
import type { ActionCommand, ToolState, TrackedPersonArray } from '../../msgs/own.js';
import type { Header, JointState, Odometry } from '../../msgs/std.js';
import {
  JointStateReader,
  actionCommandToAction,
  odometryToBase,
  timeToSec,
  toolStateToInfo,
  trackedPeopleToPersons,
} from '../convert/index.js';

function stampOf(msg: { header?: Header } | null | undefined, topic: string): number {
  if (msg === null || typeof msg !== 'object' || msg.header === null || typeof msg.header !== 'object') {
    throw new Error(`topic '${topic}': message without a header`);
  }
  return timeToSec(msg.header.stamp, topic);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface InputTopics {
  jointStates: string;
  odom: string;
  people: string;
  toolState: string;
  proposal: string;
}

/** Converts and records input messages; one instance per node, buffers allocated once. */
export class InputHandlers {
  private readonly reader: JointStateReader;
  private readonly pos: Float64Array;
  private readonly vel: Float64Array;
  private readonly base: BaseState = { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0, wRadps: 0 };

  constructor(
    private readonly inputs: MonitorInputs,
    private readonly cfg: MonitorConfig,
    private readonly jointNames: readonly string[],
    private readonly topics: InputTopics,
    private readonly odomFrame: string,
  ) {
    this.reader = new JointStateReader(jointNames, { topic: topics.jointStates });
    this.pos = new Float64Array(jointNames.length);
    this.vel = new Float64Array(jointNames.length);
  }

  private guard(source: InputSource, fn: () => AcceptResult): AcceptResult {
    try {
      return fn();
    } catch (err) {
      return this.inputs.fault(source, 'malformed', errorText(err));
    }
  }

  jointStates(msg: JointState, nowSec: number): AcceptResult {
    return this.guard('joint_states', () => {
      const stampSec = stampOf(msg, this.topics.jointStates);
      const { hasVelocity } = this.reader.read(msg, this.pos, this.vel);
      // the stopping check needs the current joint velocities: a message without them is not enough
      if (!hasVelocity)
        throw new Error(
          `topic '${this.topics.jointStates}': field 'velocity': expected one per joint, got none`,
        );
      return this.inputs.acceptJoints(stampSec, this.pos, this.vel, nowSec, this.cfg);
    });
  }

  odom(msg: Odometry, nowSec: number): AcceptResult {
    return this.guard('odom', () => {
      const stampSec = stampOf(msg, this.topics.odom);
      odometryToBase(msg, { topic: this.topics.odom, odomFrame: this.odomFrame }, this.base);
      return this.inputs.acceptOdom(stampSec, this.base, nowSec, this.cfg);
    });
  }

  people(msg: TrackedPersonArray, nowSec: number): AcceptResult {
    return this.guard('people', () => {
      const stampSec = stampOf(msg, this.topics.people);
      const people = trackedPeopleToPersons(msg, { topic: this.topics.people, odomFrame: this.odomFrame });
      return this.inputs.acceptPeople(stampSec, people, nowSec, this.cfg);
    });
  }

  tool(msg: ToolState, nowSec: number): AcceptResult {
    return this.guard('tool', () => {
      const stampSec = stampOf(msg, this.topics.toolState);
      return this.inputs.acceptTool(stampSec, toolStateToInfo(msg, this.topics.toolState), nowSec, this.cfg);
    });
  }

  /** Fills `out` from an ActionCommand; on any problem sets out.error (the monitor vetoes it). */
  proposal(msg: ActionCommand, out: Proposal): void {
    out.error = null;
    out.stampSec = Number.NaN;
    // the plan id first, so that even a malformed proposal's verdict can name it
    const planId = Number((msg as Partial<ActionCommand> | null)?.plan_id);
    out.planId = Number.isFinite(planId) ? planId : 0;
    try {
      out.stampSec = stampOf(msg, this.topics.proposal);
      actionCommandToAction(msg, this.jointNames, out.action, this.topics.proposal);
    } catch (err) {
      out.action.fill(0);
      out.error = errorText(err);
    }
  }
}
