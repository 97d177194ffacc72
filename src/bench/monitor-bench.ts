/**
 * Safety monitor benchmark: the decision time (decide() with the real constraint library on the robot
 * URDF, a moving robot and two people; a mix of passing, limited and vetoed proposals), and the latency
 * the monitor adds on the command path of the in-process closed loop (proposal published → /cmd_vel
 * received, monitor vs a plain relay).
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRng } from '../core/math/rng.js';
import type { Rng } from '../core/math/rng.js';
import { percentile } from '../core/math/stats.js';
import {
  createConstraintSet,
  defaultConstraintConfig,
  parseConstraintConfig,
} from '../core/constraints/index.js';
import type { ConstraintSet } from '../core/constraints/index.js';
import type { MonitorConfig } from '../core/monitor/index.js';
import {
  createMonitorState,
  createProposal,
  decide,
  DEFAULT_MONITOR_CONFIG,
  MonitorInputs,
} from '../core/monitor/index.js';
import { loadUrdf } from '../core/robot/index.js';
import type { Person } from '../core/types.js';
import type { ActionCommand, ToolState, TrackedPersonArray } from '../msgs/own.js';
import type { Float64MultiArray, JointState, Odometry, Twist } from '../msgs/std.js';
import { Topic } from '../msgs/topics.js';
import { MsgType } from '../msgs/types.js';
import {
  actionCommandToAction,
  actionToJointCommand,
  actionToTwist,
  secToTime,
} from '../nodes/convert/index.js';
import { startSafetyMonitor } from '../nodes/safety-monitor.js';
import { InProcessBus } from '../transport/in-process/index.js';
import type { NodeHandle } from '../transport/port.js';
import { QOS_COMMAND } from '../transport/port.js';
import { registerBenchmark } from './registry.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

export function loadBenchConstraints(): ConstraintSet {
  const model = loadUrdf(readFileSync(resolve(ROOT, 'urdf/robot.urdf'), 'utf8'));
  const yamlPath = resolve(ROOT, 'config/constraints.yaml');
  const config = existsSync(yamlPath)
    ? parseConstraintConfig(readFileSync(yamlPath, 'utf8'))
    : defaultConstraintConfig();
  return createConstraintSet(model, config);
}

function feed(
  inputs: MonitorInputs,
  tSec: number,
  rng: Rng,
  people: Person[],
  cfg: MonitorConfig,
  n: number,
): void {
  const q = new Float64Array(n).map(() => 0.6 * (rng.next() - 0.5));
  const qd = new Float64Array(n).map(() => 0.2 * (rng.next() - 0.5));
  inputs.acceptJoints(tSec, q, qd, tSec, cfg);
  inputs.acceptOdom(
    tSec,
    { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0.3 * rng.next(), wRadps: 0.2 * (rng.next() - 0.5) },
    tSec,
    cfg,
  );
  inputs.acceptPeople(tSec, people, tSec, cfg);
  inputs.acceptTool(tSec, { name: 'gripper', held: true, sharp: false }, tSec, cfg);
}

function benchDecision(constraints: ConstraintSet, cycles: number) {
  const cfg: MonitorConfig = {
    ...DEFAULT_MONITOR_CONFIG,
    periodSec: constraints.stepSec,
    latchEnabled: false,
  };
  const state = createMonitorState(constraints, cfg);
  const inputs = new MonitorInputs(constraints.armJointNames.length);
  const proposal = createProposal(constraints.actionDim);
  const rng = createRng(1);
  const samplesUs = new Float64Array(cycles);
  // process CPU time per decision: unlike wall time, it does not count the time other processes held the CPU
  const cpuUs = new Float64Array(cycles);
  const people: Person[] = [
    { id: 1, xInOdomM: 2.5, yInOdomM: 0.5, vxMps: -0.5, vyMps: 0, radiusM: 0.25 },
    { id: 2, xInOdomM: 1.5, yInOdomM: -2, vxMps: 0, vyMps: 0.8, radiusM: 0.25 },
  ];
  const kinds = { pass: 0, limit: 0, veto: 0, latched: 0, none: 0 };
  const kindOf = new Uint8Array(cycles);
  const KIND_CODE = { pass: 0, limit: 1, veto: 2, latched: 3, none: 4 } as const;
  for (let i = 0; i < cycles; i++) {
    const tSec = 1 + i * cfg.periodSec;
    feed(inputs, tSec, rng, people, cfg, constraints.armJointNames.length);
    proposal.stampSec = tSec;
    proposal.action[0] = 1.2 * rng.next() - 0.2;
    proposal.action[1] = rng.next() - 0.5;
    for (let j = 2; j < proposal.action.length; j++) proposal.action[j] = 1.2 * (rng.next() - 0.5);
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const d = decide(proposal, inputs, tSec, cfg, state);
    samplesUs[i] = Number(process.hrtime.bigint() - t0) / 1000;
    const c1 = process.cpuUsage(c0);
    cpuUs[i] = c1.user + c1.system;
    kinds[d.kind]++;
    kindOf[i] = KIND_CODE[d.kind];
  }
  const of = (code: number) => samplesUs.filter((_, i) => kindOf[i] === code);
  return { samplesUs, cpuUs, kinds, passUs: of(0), limitUs: of(1), vetoUs: of(2) };
}

// --- added latency on the command path: proposal published → /cmd_vel received, monitor vs a plain relay

function startRelay(node: NodeHandle, names: readonly string[]): void {
  const action = new Float64Array(2 + names.length);
  const twist = node.createPublisher<Twist>(MsgType.Twist, Topic.cmdVel, QOS_COMMAND);
  const arm = node.createPublisher<Float64MultiArray>(
    MsgType.Float64MultiArray,
    Topic.armCommand,
    QOS_COMMAND,
  );
  node.subscribe<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND).subscribe((m) => {
    actionCommandToAction(m, names, action);
    twist.publish(actionToTwist(action));
    arm.publish(actionToJointCommand(action, names.length));
  });
}

function publishWorld(world: NodeHandle, tSec: number, names: readonly string[]): void {
  const header = { stamp: secToTime(tSec), frame_id: 'odom' };
  const zeros = new Float64Array(names.length);
  world
    .createPublisher<JointState>(MsgType.JointState, Topic.jointStates)
    .publish({ header, name: [...names], position: zeros, velocity: zeros, effort: [] });
  world.createPublisher<Odometry>(MsgType.Odometry, Topic.odom).publish({
    header,
    child_frame_id: 'base_link',
    pose: {
      pose: { position: { x: 0, y: 0, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
      covariance: [],
    },
    twist: { twist: { linear: { x: 0.2, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } }, covariance: [] },
  });
  world.createPublisher<TrackedPersonArray>(MsgType.TrackedPersonArray, Topic.people).publish({
    header,
    people: [{ id: 1, position: { x: 3, y: 1, z: 0 }, velocity: { x: -0.3, y: 0, z: 0 }, radius: 0.25 }],
  });
  world
    .createPublisher<ToolState>(MsgType.ToolState, Topic.toolState)
    .publish({ header, tool_name: 'gripper', held: true, sharp: false });
}

function measurePath(constraints: ConstraintSet, withMonitor: boolean, n: number): Float64Array {
  const bus = new InProcessBus({ time: 'sim' });
  const names = constraints.armJointNames;
  const gate = bus.createNode(withMonitor ? 'safety_monitor' : 'relay', { useSimTime: true });
  // the clock stands still while we measure, so every input stays fresh and no timer fires
  const monitor = withMonitor ? startSafetyMonitor(gate, { constraints }) : undefined;
  if (!withMonitor) startRelay(gate, names);
  const world = bus.createNode('world', { useSimTime: true });
  bus.advanceTo(1);
  publishWorld(world, 1, names);
  bus.spin();
  const planner = world.createPublisher<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND);
  let received = 0;
  world.subscribe<Twist>(MsgType.Twist, Topic.cmdVel, QOS_COMMAND).subscribe(() => received++);
  const msg: ActionCommand = {
    header: { stamp: secToTime(1), frame_id: 'base_link' },
    base_twist: { linear: { x: 0.2, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0.1 } },
    joint_names: [...names],
    joint_velocities: new Float64Array(names.length).fill(0.05),
    plan_id: 1,
  };
  const samplesUs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    planner.publish(msg);
    bus.spin();
    samplesUs[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  if (received !== n) throw new Error(`monitor latency bench: expected ${n} commands, got ${received}`);
  // the figure means "a passing proposal": make sure that is what was measured
  if (monitor && monitor.counters().passed !== n)
    throw new Error(`monitor latency bench: ${monitor.counters().passed} of ${n} proposals passed`);
  void bus.shutdown();
  return samplesUs;
}

function measureAddedLatency(constraints: ConstraintSet, n: number): Record<string, number> {
  measurePath(constraints, true, Math.min(n, 500)); // warm-up
  const relay = measurePath(constraints, false, n);
  const monitor = measurePath(constraints, true, n);
  return {
    relay_path_us_p50: percentile(relay, 50),
    monitor_path_us_p50: percentile(monitor, 50),
    monitor_path_us_p99: percentile(monitor, 99),
    added_latency_us_p50: percentile(monitor, 50) - percentile(relay, 50),
  };
}

registerBenchmark({
  name: 'monitor',
  description: 'Safety monitor: decide() time per proposal, and latency added on the in-process command path',
  async run({ quick }) {
    const constraints = loadBenchConstraints();
    const cycles = quick ? 2_000 : 20_000;
    benchDecision(constraints, Math.min(2_000, cycles)); // warm-up (JIT)
    const { samplesUs, cpuUs, kinds, passUs, limitUs, vetoUs } = benchDecision(constraints, cycles);
    const latency = measureAddedLatency(constraints, quick ? 1_000 : 10_000);
    return {
      decisions: cycles,
      passed: kinds.pass,
      limited: kinds.limit,
      vetoed: kinds.veto,
      decision_us_p50: percentile(samplesUs, 50),
      decision_us_p99: percentile(samplesUs, 99),
      decision_us_max: percentile(samplesUs, 100),
      decision_cpu_us_p50: percentile(cpuUs, 50),
      decision_cpu_us_p99: percentile(cpuUs, 99),
      pass_us_p50: percentile(passUs, 50),
      pass_us_p99: percentile(passUs, 99),
      limit_us_p50: percentile(limitUs, 50),
      limit_us_p99: percentile(limitUs, 99),
      veto_us_p99: percentile(vetoUs, 99),
      ...latency,
    };
  },
});
