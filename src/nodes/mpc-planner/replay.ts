/**
 * Open-loop replay: encoder + planner over a recorded rosbag2 MCAP. Recorded messages are published
 * on an in-process bus in simulation time at their log times; the planner plans on its timer as it
 * would live, and every topic — the inputs and the planner's outputs (plan, proposal, markers,
 * requests, latents) — is written to a new MCAP beside them. Nothing is sent to a robot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalyticWorldModel } from '../../core/worldmodel/analytic-world-model.js';
import type { WorldModel } from '../../core/worldmodel/world-model.js';
import type { Plan } from '../../msgs/own.js';
import { Topic } from '../../msgs/topics.js';
import { MsgType } from '../../msgs/types.js';
import { DefinitionLibrary } from '../../record/definitions.js';
import { McapRecorder, resolveRecordTarget } from '../../record/mcap-recorder.js';
import { InProcessBus } from '../../transport/in-process/index.js';
import type { ParameterValue, Publisher } from '../../transport/port.js';
import { startMpcPlanner } from '../mpc-planner.js';
import { buildMonitorConstraints } from '../safety-monitor/constraint-source.js';
import type { BagMessage } from './mcap-source.js';
import { McapSource } from './mcap-source.js';
import { startOracleEncoder } from './oracle-encoder.js';

export interface ReplayOptions {
  bagPath: string;
  outPath: string;
  packageRoot: string;
  /** ONNX model directory (package-relative or absolute); ignored with oracleGoal */
  modelDir: string;
  constraintsFile: string;
  /** plan on odometry with the analytic model toward this pose instead of encoding images */
  oracleGoal?: { xM: number; yM: number; yawRad: number };
  plannerParams: Readonly<Record<string, ParameterValue>>;
}

export interface ReplayResult {
  messagesIn: number;
  plans: number;
  /** plans per status code name */
  statuses: Record<string, number>;
  outPath: string;
}

/** Topics the replay itself produces: recorded copies are not replayed. */
const PRODUCED = [
  Topic.latent,
  Topic.goalLatent,
  Topic.proposal,
  Topic.plan,
  Topic.planMarkers,
  Topic.requests,
];
const STATUS_NAMES = ['OK', 'INFEASIBLE', 'FALLBACK', 'NO_GOAL', 'STALE_INPUT'];

async function loadModel(o: ReplayOptions, armJointNames: readonly string[], stepSec: number) {
  if (o.oracleGoal) return new AnalyticWorldModel({ armJointCount: armJointNames.length, stepSec });
  const { OnnxWorldModel } = await import('../../runtime/onnx-world-model.js');
  const modelDir = o.modelDir.startsWith('/') ? o.modelDir : join(o.packageRoot, o.modelDir);
  return OnnxWorldModel.load({ modelDir, armJointNames, stepSec, providers: ['cpu'] });
}

async function startEncoder(
  bus: InProcessBus,
  o: ReplayOptions,
  model: WorldModel,
  names: readonly string[],
) {
  const node = bus.createNode('observation_encoder', { useSimTime: true });
  if (o.oracleGoal && model instanceof AnalyticWorldModel) {
    const goal = { ...o.oracleGoal, jointPos: new Array<number>(names.length).fill(0) };
    return {
      node,
      handle: startOracleEncoder(node, model, names, goal) as { stop(): void; idle?: () => Promise<void> },
    };
  }
  const { OnnxWorldModel } = await import('../../runtime/onnx-world-model.js');
  const { startObservationEncoder } = await import('../observation-encoder.js');
  if (!(model instanceof OnnxWorldModel)) throw new Error('replay: the encoder needs the ONNX world model');
  const handle = startObservationEncoder(node, { model, image: model.manifest.image, armJointNames: names });
  return { node, handle: handle as { stop(): void; idle?: () => Promise<void> } };
}

export async function replayBag(o: ReplayOptions): Promise<ReplayResult> {
  const source = await McapSource.open(o.bagPath);
  const keep = (topic: string): boolean => !PRODUCED.includes(topic as (typeof PRODUCED)[number]);
  const iter = source.messages(keep);
  const first = await iter.next();
  if (first.done) throw new Error(`replay: '${o.bagPath}' has no decodable messages to replay`);
  const bus = new InProcessBus({ time: 'sim' });
  bus.advanceTo(first.value.logTimeSec);
  const constraintsPath = o.constraintsFile.startsWith('/')
    ? o.constraintsFile
    : join(o.packageRoot, o.constraintsFile);
  const constraints = buildMonitorConstraints({
    urdfXml: readFileSync(join(o.packageRoot, 'urdf', 'robot.urdf'), 'utf8'),
    constraintsYaml: existsSync(constraintsPath) ? readFileSync(constraintsPath, 'utf8') : null,
  });
  const model = await loadModel(o, constraints.armJointNames, constraints.stepSec);
  // planner first: it must be subscribed before the encoder publishes the goal latent
  const plannerNode = bus.createNode('mpc_planner', {
    useSimTime: true,
    parameterOverrides: o.plannerParams,
  });
  const planner = startMpcPlanner(plannerNode, { constraints, worldModel: model });
  const encoder = await startEncoder(bus, o, model, constraints.armJointNames);
  const player = bus.createNode('rosbag2_player', { useSimTime: true });
  const pubs = new Map<string, Publisher<unknown>>();
  for (const ch of source.channels.values()) {
    if (keep(ch.topic) && !pubs.has(ch.topic)) pubs.set(ch.topic, player.createPublisher(ch.type, ch.topic));
  }
  const statuses: Record<string, number> = {};
  player.subscribe<Plan>(MsgType.Plan, Topic.plan).subscribe((p) => {
    const name = STATUS_NAMES[p.status] ?? `status ${p.status}`;
    statuses[name] = (statuses[name] ?? 0) + 1;
  });
  const recorder = await McapRecorder.open(
    resolveRecordTarget(o.outPath),
    new DefinitionLibrary(join(o.packageRoot, 'msg')),
  );
  await recorder.attach(bus);
  let messagesIn = 0;
  const play = async (m: BagMessage): Promise<void> => {
    bus.advanceTo(Math.max(m.logTimeSec, bus.clock.nowSec()));
    pubs.get(m.channel.topic)?.publish(m.msg);
    bus.spin();
    if (encoder.handle.idle) await encoder.handle.idle();
    await planner.idle();
    bus.spin();
    if (++messagesIn % 500 === 0) await recorder.flush();
  };
  try {
    await play(first.value);
    for await (const m of iter) await play(m);
  } finally {
    planner.stop();
    encoder.handle.stop();
    await recorder.close();
    await bus.shutdown();
    await source.close();
    await model.dispose();
  }
  const plans = Object.values(statuses).reduce((a, b) => a + b, 0);
  return { messagesIn, plans, statuses, outPath: recorder.target.mcapPath };
}
