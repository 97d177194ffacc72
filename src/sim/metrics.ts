/**
 * Scenario metrics and the time series behind the report, sampled every control period from the
 * engine's ground truth and from the planner/monitor topics (/mpc_planner/plan, /mpc_planner/proposal,
 * /safety_monitor/verdict) when present. Summary figures are running counters, exact for any run
 * length; the trace behind the report is bounded (`sim-trace.ts`).
 */
import type { ActionCommand, Plan, SafetyVerdict } from '../msgs/own.js';
import { PlanStatus, VerdictState } from '../msgs/own.js';
import { MsgType } from '../msgs/types.js';
import { Topic } from '../msgs/topics.js';
import type { NodeHandle, Transport } from '../transport/port.js';
import { percentile } from '../core/math/stats.js';
import type { SeparationParams } from './ground-truth.js';
import { DEFAULT_SEPARATION, protectiveSeparationM } from './ground-truth.js';
import type { Simulator } from './simulator.js';
import type { SimTrace, TraceSample } from './sim-trace.js';
import { TRACE_MAX_SAMPLES, TraceRecorder } from './sim-trace.js';
import { ZoneTruth } from './zone-truth.js';

export interface MetricsOptions {
  separation?: SeparationParams;
  /** bound on the report trace (see TraceRecorder) */
  traceMaxSamples?: number;
}

export type { SimTrace } from './sim-trace.js';

export interface RunSummary {
  scenario: string;
  seed: number;
  planner: string;
  monitor: string;
  duration_s: number;
  goal_reached: boolean;
  time_to_goal_s: number | null;
  final_goal_distance_m: number;
  min_person_distance_m: number | null;
  /** control periods in which a robot part inside a person's S_p moved toward that person */
  separation_violations: number;
  /** periods with a person inside S_p while the robot stood still or backed away (allowed by ISO/TS 15066 SSM) */
  inside_separation_not_approaching: number;
  /** robot–person contact starts while the robot moved */
  contacts: number;
  /** contact starts while the robot stood still (a person walked into it) */
  contacts_robot_stationary: number;
  static_contacts: number;
  /** control periods with any robot collider inside a keep-out zone (engine shape query, zone-truth.ts) */
  keep_out_violations: number;
  vetoes: number;
  limited: number;
  infeasible_s: number;
  planner_hz_mean: number | null;
  planner_cycle_ms_p99: number | null;
}

export class MetricsCollector {
  private readonly traceRecorder: TraceRecorder;
  private readonly sep: SeparationParams;
  private readonly node: NodeHandle;
  private plans = 0;
  private proposals = 0;
  private vetoes = 0;
  private limited = 0;
  private vetoSinceSample = false;
  private lastPlanStatus: number | undefined;
  private readonly cycleMs: number[] = [];
  private separationViolations = 0;
  private insideSeparationNotApproaching = 0;
  private keepOutViolations = 0;
  private readonly zoneTruth: ZoneTruth;
  private timeToGoalS: number | undefined;
  private infeasibleSamples = 0;
  private minPersonDistM = Infinity;
  private readonly last: TraceSample = {
    t: 0,
    x: 0,
    y: 0,
    yaw: 0,
    vMps: 0,
    wRadps: 0,
    robotSpeedMps: 0,
    goalDistM: Number.NaN,
    minPersonDistM: Infinity,
    separationM: 0,
    approachingInsideSp: false,
    people: [],
    infeasible: false,
    veto: false,
    plannerCycleMs: Number.NaN,
  };

  constructor(
    transport: Transport,
    private readonly sim: Simulator,
    private readonly periodS: number,
    options: MetricsOptions = {},
  ) {
    this.sep = options.separation ?? DEFAULT_SEPARATION;
    this.zoneTruth = new ZoneTruth(sim.scene, sim.robot.colliders, sim.scenario.keepOutZones);
    this.traceRecorder = new TraceRecorder(periodS, options.traceMaxSamples ?? TRACE_MAX_SAMPLES);
    this.node = transport.createNode('scenario_metrics', { useSimTime: true });
    const qos = { reliability: 'best_effort', depth: 100, durability: 'volatile' } as const;
    this.node.subscribe<Plan>(MsgType.Plan, Topic.plan, qos).subscribe((p) => {
      this.plans++;
      this.lastPlanStatus = p.status;
      if (Number.isFinite(p.cycle_time_ms)) this.cycleMs.push(p.cycle_time_ms);
    });
    this.node
      .subscribe<ActionCommand>(MsgType.ActionCommand, Topic.proposal, qos)
      .subscribe(() => this.proposals++);
    this.node.subscribe<SafetyVerdict>(MsgType.SafetyVerdict, Topic.verdict, qos).subscribe((v) => {
      if (v.state === VerdictState.STOPPED || v.state === VerdictState.LATCHED) {
        this.vetoes++;
        this.vetoSinceSample = true;
      } else if (v.state === VerdictState.LIMITED) this.limited++;
    });
  }

  /** Every step: the goal check (reached = within position and heading tolerance). */
  afterStep(): void {
    if (this.timeToGoalS !== undefined) return;
    const g = this.sim.scenario.goal;
    const e = this.sim.goalError();
    if (e.distanceM <= g.toleranceM && e.yawErrRad <= g.yawToleranceRad) this.timeToGoalS = this.sim.tSec;
  }

  /** The report's time series (bounded: see TraceRecorder). */
  get trace(): SimTrace {
    return this.traceRecorder.trace;
  }

  /** Every control period: ground truth and status into the counters and the trace. */
  sample(): void {
    const s = this.sim;
    const r = s.robot;
    let minD = Infinity;
    let sepAtMin = 0;
    let violated = false;
    let approaching = false;
    const ppl: number[] = [];
    for (const p of s.people) {
      const { distanceM: d, robotPointSpeedMps } = s.truth.closestApproach(p);
      const vh = Math.hypot(p.vxMps, p.vyMps);
      const sp = protectiveSeparationM(vh, robotPointSpeedMps, this.sep);
      if (d < sp) violated = true;
      if (d < minD) {
        minD = d;
        sepAtMin = sp;
      }
      if (!approaching && s.truth.robotMoving())
        approaching = s.truth.partsApproaching(p, (v) => protectiveSeparationM(vh, v, this.sep));
      ppl.push(p.xM, p.yM);
    }
    // inside S_p: moving toward the person is a violation; standing still or backing away is not
    if (approaching) this.separationViolations++;
    else if (violated) this.insideSeparationNotApproaching++;
    if (this.zoneTruth.robotInsideAny()) this.keepOutViolations++;
    if (minD < this.minPersonDistM) this.minPersonDistM = minD;
    const infeasible = this.lastPlanStatus === PlanStatus.INFEASIBLE;
    if (infeasible) this.infeasibleSamples++;
    const x = this.last;
    x.t = s.tSec;
    x.x = r.xM;
    x.y = r.yM;
    x.yaw = r.yawRad;
    x.vMps = r.vMps;
    x.wRadps = r.wRadps;
    x.robotSpeedMps = s.truth.robotSpeedMps();
    x.goalDistM = s.goalError().distanceM;
    x.minPersonDistM = minD;
    x.separationM = sepAtMin;
    x.people = ppl;
    x.approachingInsideSp = approaching;
    x.infeasible = infeasible;
    x.veto = this.vetoSinceSample;
    x.plannerCycleMs =
      this.cycleMs.length > 0 ? (this.cycleMs[this.cycleMs.length - 1] as number) : Number.NaN;
    this.traceRecorder.add(x);
    this.vetoSinceSample = false;
  }

  /** Progress-line figures. */
  latest(): {
    tSec: number;
    goalDistM: number;
    nearestPersonM: number;
    vetoes: number;
    plannerStatus: string;
  } {
    const status =
      this.lastPlanStatus === undefined
        ? 'no plan topic'
        : (Object.keys(PlanStatus)[this.lastPlanStatus] ?? String(this.lastPlanStatus));
    return {
      tSec: this.sim.tSec,
      goalDistM: this.last.goalDistM,
      nearestPersonM: this.last.minPersonDistM,
      vetoes: this.vetoes,
      plannerStatus: status,
    };
  }

  summary(meta: { scenario: string; seed: number; planner: string; monitor: string }): RunSummary {
    const durationS = this.sim.tSec;
    const minD = this.minPersonDistM;
    const infeasibleS = this.infeasibleSamples * this.periodS;
    const cycles = this.plans > 0 ? this.plans : this.proposals;
    const movingContacts = this.sim.truth.contacts.filter((c) => c.robotMoving).length;
    return {
      ...meta,
      duration_s: round(durationS, 3),
      goal_reached: this.timeToGoalS !== undefined,
      time_to_goal_s: this.timeToGoalS === undefined ? null : round(this.timeToGoalS, 3),
      final_goal_distance_m: round(this.sim.goalError().distanceM, 4),
      min_person_distance_m: Number.isFinite(minD) ? round(minD, 4) : null,
      separation_violations: this.separationViolations,
      inside_separation_not_approaching: this.insideSeparationNotApproaching,
      contacts: movingContacts,
      contacts_robot_stationary: this.sim.truth.contacts.length - movingContacts,
      static_contacts: this.sim.truth.staticContacts,
      keep_out_violations: this.keepOutViolations,
      vetoes: this.vetoes,
      limited: this.limited,
      infeasible_s: round(infeasibleS, 3),
      planner_hz_mean: durationS > 0 && cycles > 0 ? round(cycles / durationS, 3) : null,
      planner_cycle_ms_p99: this.cycleMs.length > 0 ? round(percentile(this.cycleMs, 99), 3) : null,
    };
  }

  destroy(): void {
    this.node.destroy();
  }
}

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
