/**
 * The monitor's view of the world and how much it trusts each input. Every input is validated on
 * arrival: non-finite stamps or values, future stamps and out-of-order stamps mark the source faulty
 * (and keep the previous data); a duplicate stamp is ignored. A fault clears with the next good message.
 */
import type { BaseState, Person, ToolInfo, WorldSnapshot } from '../types.js';
import type { MonitorConfig } from './types.js';

export const INPUT_SOURCES = ['joint_states', 'odom', 'people', 'tool'] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];

export type InputFault = 'malformed' | 'future_stamp' | 'out_of_order';

export type AcceptResult = 'accepted' | 'duplicate' | InputFault;

export interface SourceStatus {
  /** a message has been accepted since start (or since the last clock jump) */
  seen: boolean;
  /** header stamp of the last accepted message [s] */
  stampSec: number;
  fault: InputFault | null;
  /** what was wrong, for the verdict */
  faultDetail: string;
}

function emptyStatus(): SourceStatus {
  return { seen: false, stampSec: Number.NEGATIVE_INFINITY, fault: null, faultDetail: '' };
}

function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i] as number)) return false;
  return true;
}

export class MonitorInputs {
  readonly world: WorldSnapshot;
  readonly sources: Record<InputSource, SourceStatus> = {
    joint_states: emptyStatus(),
    odom: emptyStatus(),
    people: emptyStatus(),
    tool: emptyStatus(),
  };

  constructor(readonly armJointCount: number) {
    this.world = {
      robot: {
        base: { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0, wRadps: 0 },
        jointPos: new Float64Array(armJointCount),
        jointVel: new Float64Array(armJointCount),
      },
      people: [],
      tool: { name: '', held: false, sharp: false },
      stampSec: 0,
    };
  }

  /** Checks a stamp against the source's last one and the clock; returns null when it may be accepted. */
  private checkStamp(
    source: InputSource,
    stampSec: number,
    nowSec: number,
    cfg: MonitorConfig,
  ): AcceptResult | null {
    const s = this.sources[source];
    if (!Number.isFinite(stampSec)) return this.fault(source, 'malformed', `header stamp is ${stampSec}`);
    if (stampSec > nowSec + cfg.futureToleranceSec) {
      return this.fault(
        source,
        'future_stamp',
        `stamp ${stampSec.toFixed(3)} s is ahead of the clock ${nowSec.toFixed(3)} s`,
      );
    }
    if (stampSec === s.stampSec) return 'duplicate';
    if (stampSec < s.stampSec) {
      return this.fault(
        source,
        'out_of_order',
        `stamp ${stampSec.toFixed(3)} s is older than ${s.stampSec.toFixed(3)} s`,
      );
    }
    return null;
  }

  /** Marks a source faulty, e.g. when its message could not be converted; the previous data is kept but untrusted. */
  fault(source: InputSource, fault: InputFault, detail: string): InputFault {
    const s = this.sources[source];
    s.fault = fault;
    s.faultDetail = detail;
    return fault;
  }

  private markAccepted(source: InputSource, stampSec: number): 'accepted' {
    const s = this.sources[source];
    s.seen = true;
    s.stampSec = stampSec;
    s.fault = null;
    s.faultDetail = '';
    return 'accepted';
  }

  /** Arm joint positions and velocities, already in the constraint set's joint order. */
  acceptJoints(
    stampSec: number,
    pos: ArrayLike<number>,
    vel: ArrayLike<number>,
    nowSec: number,
    cfg: MonitorConfig,
  ): AcceptResult {
    const n = this.armJointCount;
    if (pos.length !== n || vel.length !== n) {
      return this.fault(
        'joint_states',
        'malformed',
        `expected ${n} positions and velocities, got ${pos.length} and ${vel.length}`,
      );
    }
    if (!allFinite(pos) || !allFinite(vel))
      return this.fault('joint_states', 'malformed', 'non-finite joint position or velocity');
    const bad = this.checkStamp('joint_states', stampSec, nowSec, cfg);
    if (bad) return bad;
    this.world.robot.jointPos.set(pos);
    this.world.robot.jointVel.set(vel);
    return this.markAccepted('joint_states', stampSec);
  }

  acceptOdom(stampSec: number, base: Readonly<BaseState>, nowSec: number, cfg: MonitorConfig): AcceptResult {
    const finite =
      Number.isFinite(base.xInOdomM) &&
      Number.isFinite(base.yInOdomM) &&
      Number.isFinite(base.yawInOdomRad) &&
      Number.isFinite(base.vMps) &&
      Number.isFinite(base.wRadps);
    if (!finite) return this.fault('odom', 'malformed', 'non-finite pose or twist');
    const bad = this.checkStamp('odom', stampSec, nowSec, cfg);
    if (bad) return bad;
    Object.assign(this.world.robot.base, base);
    return this.markAccepted('odom', stampSec);
  }

  /** The whole set of tracked people; an empty list means nobody. The array is kept, not copied. */
  acceptPeople(
    stampSec: number,
    people: readonly Person[],
    nowSec: number,
    cfg: MonitorConfig,
  ): AcceptResult {
    for (const p of people) {
      const finite =
        Number.isFinite(p.xInOdomM) &&
        Number.isFinite(p.yInOdomM) &&
        Number.isFinite(p.vxMps) &&
        Number.isFinite(p.vyMps) &&
        Number.isFinite(p.radiusM);
      if (!finite || p.radiusM < 0)
        return this.fault('people', 'malformed', `person ${p.id}: non-finite value or negative radius`);
    }
    const bad = this.checkStamp('people', stampSec, nowSec, cfg);
    if (bad) return bad;
    this.world.people = people;
    return this.markAccepted('people', stampSec);
  }

  acceptTool(stampSec: number, tool: Readonly<ToolInfo>, nowSec: number, cfg: MonitorConfig): AcceptResult {
    const bad = this.checkStamp('tool', stampSec, nowSec, cfg);
    if (bad) return bad;
    Object.assign(this.world.tool, tool);
    return this.markAccepted('tool', stampSec);
  }

  /** After a clock jump every input must be seen again on the new timeline before anything moves. */
  forgetAll(): void {
    for (const source of INPUT_SOURCES) Object.assign(this.sources[source], emptyStatus());
  }
}
