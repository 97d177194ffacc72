/**
 * The safety monitor node: the independent veto gate between the planner and the actuators.
 * Thin: subscribes to the proposal and every input, calls the pure core (src/core/monitor) on each
 * proposal and at every control period (watchdog), and publishes the executed command (base twist and
 * arm velocities), a SafetyVerdict per decision, and /diagnostics at 1 Hz. Any exception in a callback
 * is answered with the braking command.
 */
import type { Subscription } from 'rxjs';
import type { Decision, MonitorConstraints, MonitorCounters, MonitorState } from '../core/monitor/index.js';
import {
  createMonitorState,
  createProposal,
  decide,
  MonitorInputs,
  resetLatch,
} from '../core/monitor/index.js';
import type { ActionCommand, SafetyVerdict, ToolState, TrackedPersonArray } from '../msgs/own.js';
import { VerdictState } from '../msgs/own.js';
import type {
  DiagnosticArray,
  Float64MultiArray,
  JointState,
  Odometry,
  Twist,
  TwistStamped,
} from '../msgs/std.js';
import { Topic } from '../msgs/topics.js';
import { MsgType } from '../msgs/types.js';
import type { NodeHandle, Publisher, Timer } from '../transport/port.js';
import { QOS_COMMAND, QOS_DEFAULT, QOS_SENSOR_DATA } from '../transport/port.js';
import { actionToJointCommand, actionToTwist, actionToTwistStamped } from './convert/index.js';
import type { InputTopics } from './safety-monitor/input-handlers.js';
import { InputHandlers } from './safety-monitor/input-handlers.js';
import { buildDiagnostics, buildVerdict, header, verdictState } from './safety-monitor/messages.js';
import type { MonitorNodeConfig } from './safety-monitor/params.js';
import { declareMonitorParameters } from './safety-monitor/params.js';
import type { NodeLaunchContext, RunningNode } from './registry.js';

export interface SafetyMonitorTopics extends InputTopics {
  cmdVel: string;
  armCommand: string;
  verdict: string;
  diagnostics: string;
}

export interface SafetyMonitorOptions {
  /** the constraint set built from the same URDF and constraints YAML as the planner's (its own copy) */
  constraints: MonitorConstraints & { readonly stepSec?: number };
  topics?: Partial<SafetyMonitorTopics>;
}

export interface SafetyMonitorHandle {
  readonly config: Readonly<MonitorNodeConfig>;
  readonly state: MonitorState;
  readonly inputs: MonitorInputs;
  counters(): Readonly<MonitorCounters>;
  stop(): void;
}

const DEFAULT_TOPICS: SafetyMonitorTopics = {
  jointStates: Topic.jointStates,
  odom: Topic.odom,
  people: Topic.people,
  toolState: Topic.toolState,
  proposal: Topic.proposal,
  cmdVel: Topic.cmdVel,
  armCommand: Topic.armCommand,
  verdict: Topic.verdict,
  diagnostics: Topic.diagnostics,
};

export function startSafetyMonitor(node: NodeHandle, opts: SafetyMonitorOptions): SafetyMonitorHandle {
  const constraints = opts.constraints;
  const topics: SafetyMonitorTopics = { ...DEFAULT_TOPICS, ...opts.topics };
  const cfg = declareMonitorParameters(node, constraints.stepSec ?? 0);
  const state = createMonitorState(constraints, cfg);
  const inputs = new MonitorInputs(constraints.armJointNames.length);
  const handlers = new InputHandlers(inputs, cfg, constraints.armJointNames, topics, cfg.odomFrame);
  const out = createOutputs(node, topics, cfg, constraints.armJointNames);
  const proposal = createProposal(constraints.actionDim);
  const now = (): number => node.clock.nowSec();

  const run = (fromProposal: boolean): void => {
    const nowSec = now();
    let d: Decision;
    try {
      d = decide(fromProposal ? proposal : null, inputs, nowSec, cfg, state);
    } catch (err) {
      d = internalError(state, err);
      node.logger.error(`decision failed, braking: ${d.reason}`);
    }
    if (d.kind === 'none') return;
    try {
      out.publish(d, fromProposal ? proposal.action : null, fromProposal ? proposal.planId : 0, nowSec);
    } catch (err) {
      // never let an exception escape into the stream (it would end the subscription)
      node.logger.error(
        `publishing the decision failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };

  const subs = subscribeInputs(node, topics, handlers, now);
  subs.push(
    node.subscribe<ActionCommand>(MsgType.ActionCommand, topics.proposal, QOS_COMMAND).subscribe((m) => {
      handlers.proposal(m, proposal);
      run(true);
    }),
  );
  const timers: Timer[] = [
    node.createTimer(cfg.periodSec, () => run(false)),
    node.createTimer(cfg.diagnosticsPeriodSec, () => out.diagnostics(node.name, state, now())),
  ];
  node.createTriggerService('~/reset', () => {
    const r = resetLatch(inputs, now(), cfg, state);
    node.logger.info(`~/reset: ${r.message}`);
    return r;
  });

  return {
    config: cfg,
    state,
    inputs,
    counters: () => state.counters,
    stop: () => {
      for (const s of subs) s.unsubscribe();
      for (const t of timers) t.cancel();
    },
  };
}

function subscribeInputs(
  node: NodeHandle,
  topics: SafetyMonitorTopics,
  handlers: InputHandlers,
  now: () => number,
): Subscription[] {
  // best-effort subscriptions match both best-effort and reliable publishers
  return [
    node
      .subscribe<JointState>(MsgType.JointState, topics.jointStates, QOS_SENSOR_DATA)
      .subscribe((m) => handlers.jointStates(m, now())),
    node
      .subscribe<Odometry>(MsgType.Odometry, topics.odom, QOS_SENSOR_DATA)
      .subscribe((m) => handlers.odom(m, now())),
    node
      .subscribe<TrackedPersonArray>(MsgType.TrackedPersonArray, topics.people, QOS_SENSOR_DATA)
      .subscribe((m) => handlers.people(m, now())),
    node
      .subscribe<ToolState>(MsgType.ToolState, topics.toolState, QOS_SENSOR_DATA)
      .subscribe((m) => handlers.tool(m, now())),
  ];
}

/** An unexpected exception: brake (zero command if even the braking action fails) and say so. */
function internalError(state: MonitorState, err: unknown): Decision {
  const d = state.decision;
  d.kind = 'veto';
  d.scale = 0;
  d.violated.length = 0;
  d.violated.push('internal_error');
  d.reason = `internal error: ${err instanceof Error ? err.message : String(err)}`;
  d.command.fill(0);
  state.moving = false;
  state.counters.vetoed++;
  return d;
}

function createOutputs(
  node: NodeHandle,
  topics: SafetyMonitorTopics,
  cfg: Readonly<MonitorNodeConfig>,
  jointNames: readonly string[],
) {
  const cmdStamped = cfg.cmdVelStamped
    ? node.createPublisher<TwistStamped>(MsgType.TwistStamped, topics.cmdVel, QOS_COMMAND)
    : null;
  const cmdPlain: Publisher<Twist> | null = cfg.cmdVelStamped
    ? null
    : node.createPublisher<Twist>(MsgType.Twist, topics.cmdVel, QOS_COMMAND);
  const arm = node.createPublisher<Float64MultiArray>(
    MsgType.Float64MultiArray,
    topics.armCommand,
    QOS_COMMAND,
  );
  const verdicts = node.createPublisher<SafetyVerdict>(MsgType.SafetyVerdict, topics.verdict, QOS_DEFAULT);
  const diag = node.createPublisher<DiagnosticArray>(
    MsgType.DiagnosticArray,
    topics.diagnostics,
    QOS_DEFAULT,
  );
  let lastState: number = VerdictState.STOPPED;
  let lastReason = 'no decision yet';
  return {
    publish(d: Decision, proposed: Float64Array | null, planId: number, nowSec: number): void {
      const head = header(nowSec, cfg.baseFrame);
      if (cmdStamped) cmdStamped.publish(actionToTwistStamped(d.command, head));
      else cmdPlain?.publish(actionToTwist(d.command));
      arm.publish(actionToJointCommand(d.command, jointNames.length));
      const verdict = buildVerdict({ decision: d, proposedAction: proposed, planId, jointNames, head });
      verdicts.publish(verdict);
      lastState = verdictState(d);
      lastReason = verdict.reason;
    },
    diagnostics(nodeName: string, state: MonitorState, nowSec: number): void {
      diag.publish(buildDiagnostics(nodeName, header(nowSec, ''), state, lastState, lastReason));
    },
  };
}

/**
 * ROS entry point for the node registry: reads `urdf_file` and `constraints_file` (package-relative or
 * absolute), builds the monitor's own constraint set, and starts the monitor.
 */
export async function launchSafetyMonitor(node: NodeHandle, ctx: NodeLaunchContext): Promise<RunningNode> {
  // loaded here, not at module load: the in-process users of startSafetyMonitor bring their own set
  const { buildMonitorConstraints } = await import('./safety-monitor/constraint-source.js');
  const urdfFile = node.declareParameter({
    name: 'urdf_file',
    type: 'string',
    default: 'urdf/robot.urdf',
    readOnly: true,
    description: 'robot URDF (package-relative or absolute)',
  });
  const constraintsFile = node.declareParameter({
    name: 'constraints_file',
    type: 'string',
    default: 'config/constraints.yaml',
    readOnly: true,
    description: 'constraint configuration, the same file the planner reads',
  });
  const constraints = buildMonitorConstraints({
    urdfXml: ctx.readText(urdfFile),
    constraintsYaml: ctx.readText(constraintsFile),
  });
  const handle = startSafetyMonitor(node, { constraints });
  node.logger.info(
    `safety monitor up: period ${handle.config.periodSec} s, joints [${constraints.armJointNames.join(', ')}]`,
  );
  return handle;
}
