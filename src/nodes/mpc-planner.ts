/**
 * The MPC planner node: thin wiring around the pure planner core (src/core/planner).
 * Subscribes the latent state, goal latent, joint states, odometry, people and tool state; on a timer
 * (node clock: sim time when use_sim_time) it builds a WorldSnapshot, plans, and publishes an
 * ActionCommand proposal (to the safety monitor, never to the robot), the Plan, rviz path markers
 * (only when someone listens) and, when the planner must wait, a polite request (std_msgs/String).
 * Stale or missing inputs: no proposal, Plan status STALE_INPUT with the topic and its age.
 */
import type { Subscription } from 'rxjs';
import { createRng } from '../core/math/rng.js';
import type { PlannerConstraints } from '../core/planner/constraints-port.js';
import type { PlanInput } from '../core/planner/planner.js';
import { MpcPlanner } from '../core/planner/planner.js';
import type { PlanResult } from '../core/planner/result.js';
import type { WorldModel } from '../core/worldmodel/world-model.js';
import type { ActionCommand, LatentState, Plan, ToolState, TrackedPersonArray } from '../msgs/own.js';
import { PlanStatus } from '../msgs/own.js';
import type { JointState, MarkerArray, Odometry, StringMsg } from '../msgs/std.js';
import { Topic } from '../msgs/topics.js';
import { MsgType } from '../msgs/types.js';
import type { NodeHandle, Timer } from '../transport/port.js';
import { QOS_COMMAND, QOS_DEFAULT, QOS_LATCHED, QOS_SENSOR_DATA } from '../transport/port.js';
import { actionToActionCommand } from './convert/index.js';
import type { NodeLaunchContext, RunningNode } from './registry.js';
import type { PlannerTopics } from './mpc-planner/inputs.js';
import { PlannerInputs } from './mpc-planner/inputs.js';
import { buildPlan, header, pathMarkers, statusPlan } from './mpc-planner/messages.js';
import type { PlannerNodeConfig } from './mpc-planner/params.js';
import { declarePlannerParameters } from './mpc-planner/params.js';

export interface MpcPlannerTopics extends PlannerTopics {
  proposal: string;
  plan: string;
  markers: string;
  requests: string;
}

export interface MpcPlannerOptions {
  /** the constraint set built from the URDF and config/constraints.yaml (its own copy, as the monitor's) */
  constraints: PlannerConstraints & { readonly armJointNames: readonly string[] };
  worldModel: WorldModel;
  topics?: Partial<MpcPlannerTopics>;
  /** monotonic clock for cycle times [ms]; default performance.now */
  nowMs?: () => number;
}

export interface MpcPlannerHandle {
  readonly config: Readonly<PlannerNodeConfig>;
  readonly planner: MpcPlanner;
  readonly inputs: PlannerInputs;
  /** the last result (reused object) and counters */
  lastResult(): PlanResult | undefined;
  stats(): { cycles: number; skippedBusy: number; stale: number; errors: number };
  /** resolves when no planning cycle is in flight (sim loops await it between steps) */
  idle(): Promise<void>;
  stop(): void;
}

const DEFAULT_TOPICS: MpcPlannerTopics = {
  latent: Topic.latent,
  goalLatent: Topic.goalLatent,
  goalJointStates: Topic.goalJointStates,
  jointStates: Topic.jointStates,
  odom: Topic.odom,
  people: Topic.people,
  toolState: Topic.toolState,
  proposal: Topic.proposal,
  plan: Topic.plan,
  markers: Topic.planMarkers,
  requests: Topic.requests,
};

export function startMpcPlanner(node: NodeHandle, opts: MpcPlannerOptions): MpcPlannerHandle {
  const topics: MpcPlannerTopics = { ...DEFAULT_TOPICS, ...opts.topics };
  const { constraints, worldModel } = opts;
  const jointNames = constraints.armJointNames;
  const cfg = declarePlannerParameters(node, jointNames.length, worldModel.spec.goalPose === true);
  const nowMs = opts.nowMs ?? (() => performance.now());
  const planner = new MpcPlanner(cfg.planner, { worldModel, constraints, rng: createRng(cfg.seed), nowMs });
  const frames = { odomFrame: cfg.odomFrame, baseFrame: cfg.baseFrame };
  const inputs = new PlannerInputs(
    worldModel.spec.latentDim,
    worldModel.spec.modelId,
    jointNames,
    topics,
    frames,
    node.logger,
  );
  // one input object for every cycle: its arrays are the inputs' own, updated in place on arrival
  const planInput: PlanInput = { world: inputs.world, z0: inputs.z, goal: inputs.goal };
  const out = createOutputs(node, topics);
  const stats = { cycles: 0, skippedBusy: 0, stale: 0, errors: 0 };
  const now = (): number => node.clock.nowSec();
  let planId = 0;
  let inFlight: Promise<void> | undefined;
  let last: PlanResult | undefined;
  let goalVersion = 0;
  let requestSec = -Infinity;
  let waiting = false;

  /** One polite request when the wait starts, repeated every requestRepeatSec while it lasts. */
  const request = (r: PlanResult, tSec: number): void => {
    const wasWaiting = waiting;
    waiting = r.status === 'infeasible';
    if (!waiting || (wasWaiting && tSec - requestSec < cfg.requestRepeatSec)) return;
    requestSec = tSec;
    out.requests.publish({ data: `Excuse me, I am waiting: ${r.reason}. Could you make way, please?` });
  };

  const cycle = async (): Promise<void> => {
    const tSec = now();
    planId++;
    if (!inputs.hasGoal) {
      out.plan.publish(
        statusPlan(
          PlanStatus.NO_GOAL,
          `no goal received on ${topics.goalLatent}`,
          planId,
          tSec,
          cfg.odomFrame,
        ),
      );
      return;
    }
    const stale = inputs.staleReason(tSec, cfg.staleTimeoutSec, cfg.toolStaleTimeoutSec);
    if (stale !== undefined) {
      stats.stale++;
      out.plan.publish(statusPlan(PlanStatus.STALE_INPUT, stale, planId, tSec, cfg.odomFrame));
      return;
    }
    if (inputs.goalVersion !== goalVersion) {
      goalVersion = inputs.goalVersion;
      planner.reset();
    }
    inputs.world.stampSec = tSec;
    if (inputs.hasGoalPosture) planInput.goalJointPos = inputs.goalJointPos;
    const r = await planner.plan(planInput);
    last = r;
    stats.cycles++;
    out.proposal.publish(
      actionToActionCommand(r.firstAction, jointNames, header(tSec, cfg.baseFrame), planId),
    );
    const planArgs = { result: r, planId, stampSec: tSec, stepSec: planner.stepSec, jointNames };
    out.plan.publish(buildPlan({ ...planArgs, baseFrame: cfg.baseFrame, odomFrame: cfg.odomFrame }));
    if (out.markers.subscriptionCount() > 0) out.markers.publish(pathMarkers(r, tSec, cfg.odomFrame));
    request(r, tSec);
  };

  const tick = (): void => {
    if (inFlight) {
      stats.skippedBusy++;
      return;
    }
    inFlight = cycle()
      .catch((err: unknown) => {
        stats.errors++;
        const reason = `planning failed: ${err instanceof Error ? err.message : String(err)}; no proposal`;
        node.logger.error(reason);
        out.plan.publish(statusPlan(PlanStatus.FALLBACK, reason, planId, now(), cfg.odomFrame));
      })
      .finally(() => {
        inFlight = undefined;
      });
  };

  const subs: Subscription[] = [
    node
      .subscribe<LatentState>(MsgType.LatentState, topics.latent, QOS_SENSOR_DATA)
      .subscribe((m) => inputs.latent(m, now())),
    node
      .subscribe<LatentState>(MsgType.LatentState, topics.goalLatent, QOS_LATCHED)
      .subscribe((m) => inputs.goalLatent(m)),
    node
      .subscribe<JointState>(MsgType.JointState, topics.goalJointStates, QOS_LATCHED)
      .subscribe((m) => inputs.goalJointStates(m)),
    node
      .subscribe<JointState>(MsgType.JointState, topics.jointStates, QOS_SENSOR_DATA)
      .subscribe((m) => inputs.jointStates(m, now())),
    node
      .subscribe<Odometry>(MsgType.Odometry, topics.odom, QOS_SENSOR_DATA)
      .subscribe((m) => inputs.odom(m, now())),
    node
      .subscribe<TrackedPersonArray>(MsgType.TrackedPersonArray, topics.people, QOS_SENSOR_DATA)
      .subscribe((m) => inputs.people(m, now())),
    node
      .subscribe<ToolState>(MsgType.ToolState, topics.toolState, QOS_SENSOR_DATA)
      .subscribe((m) => inputs.toolState(m, now())),
  ];
  const timer: Timer = node.createTimer(1 / cfg.rateHz, tick);

  return {
    config: cfg,
    planner,
    inputs,
    lastResult: () => last,
    stats: () => ({ ...stats }),
    idle: async () => {
      while (inFlight) await inFlight;
    },
    stop: () => {
      timer.cancel();
      for (const s of subs) s.unsubscribe();
    },
  };
}

function createOutputs(node: NodeHandle, topics: MpcPlannerTopics) {
  return {
    proposal: node.createPublisher<ActionCommand>(MsgType.ActionCommand, topics.proposal, QOS_COMMAND),
    plan: node.createPublisher<Plan>(MsgType.Plan, topics.plan, QOS_DEFAULT),
    markers: node.createPublisher<MarkerArray>(MsgType.MarkerArray, topics.markers, QOS_DEFAULT),
    requests: node.createPublisher<StringMsg>(MsgType.String, topics.requests, QOS_DEFAULT),
  };
}

/** ROS entry point: parameters → URDF + constraints YAML + ONNX world model → startMpcPlanner. */
export async function launchMpcPlanner(node: NodeHandle, ctx: NodeLaunchContext): Promise<RunningNode> {
  const str = (name: string, def: string, description: string): string =>
    node.declareParameter<string>({ name, type: 'string', default: def, readOnly: true, description });
  const urdfFile = str('urdf_file', 'urdf/robot.urdf', 'robot URDF (package-relative or absolute)');
  const constraintsFile = str(
    'constraints_file',
    'config/constraints.yaml',
    "the constraint config (the monitor's file)",
  );
  const modelDir = str('model_dir', 'models/jepa-sim', 'directory with manifest.json and the ONNX files');
  const providers = node.declareParameter<string[]>({
    name: 'execution_providers',
    type: 'string_array',
    default: ['tensorrt', 'cuda', 'webgpu', 'cpu'],
    readOnly: true,
    description: 'ONNX Runtime execution providers in order of preference',
  });
  // loaded here, not at the top: the node module stays free of ONNX Runtime for tests and the simulator
  const { buildMonitorConstraints } = await import('./safety-monitor/constraint-source.js');
  const { OnnxWorldModel } = await import('../runtime/onnx-world-model.js');
  const constraints = buildMonitorConstraints({
    urdfXml: ctx.readText(urdfFile),
    constraintsYaml: ctx.readText(constraintsFile),
  });
  const worldModel = await OnnxWorldModel.load({
    modelDir: ctx.resolvePath(modelDir),
    armJointNames: constraints.armJointNames,
    providers,
    stepSec: constraints.stepSec,
    logger: node.logger,
  });
  const handle = startMpcPlanner(node, { constraints, worldModel });
  node.logger.info(
    `mpc planner up: ${handle.config.planner.method} K=${handle.config.planner.samples} H=${handle.config.planner.horizon} at ${handle.config.rateHz} Hz on ${worldModel.provider}`,
  );
  return {
    stop: () => {
      handle.stop();
      void worldModel.dispose();
    },
  };
}
