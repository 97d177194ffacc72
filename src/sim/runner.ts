/**
 * The closed loop: simulator + its ROS face + a controller + a safety monitor (or the relay) on one
 * in-process bus in simulation time, stepped at a fixed rate; optional MCAP recording. The loop owns
 * time: step physics, publish sensors, advance the bus (timers fire, messages are delivered), let async
 * stages settle, repeat. Same scenario + seed + controller → the same run, bit for bit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../core/math/rng.js';
import { InProcessBus } from '../transport/in-process/index.js';
import { DefinitionLibrary } from '../record/definitions.js';
import { McapRecorder, resolveRecordTarget } from '../record/mcap-recorder.js';
import type { ChunkCompression } from '../record/chunk-compression.js';
import type { CameraSpec } from './camera.js';
import { DEFAULT_CAMERA } from './camera.js';
import type { PipelineContext, PipelineStage } from './controllers.js';
import { getController, getMonitor, monitorNames } from './controllers.js';
import { MetricsCollector } from './metrics.js';
import type { RunSummary, SimTrace } from './metrics.js';
import { createRelay } from './relay.js';
import { getScenario } from './scenarios/index.js';
import type { Scenario } from './scenario.js';
import { DEFAULT_SIM_NODE, SimNode } from './sim-node.js';
import { Simulator } from './simulator.js';
import './plugins.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunOptions {
  scenario: string;
  seed: number;
  /** [s]; the scenario's default when undefined */
  durationS?: number;
  /** controller name; the scenario's default, then `fallbackPlanner`, when undefined */
  planner?: string;
  /** controller for scenarios that name none; 'baseline' (no model to load) when undefined */
  fallbackPlanner?: string;
  /** safety monitor name, 'none' for the relay; the first registered monitor when undefined */
  monitor?: string;
  /** MCAP file (NAME.mcap) or bag directory */
  record?: string;
  /** MCAP chunk compression of the recording; 'none' when undefined (`sim --record` passes 'zstd') */
  recordCompression?: ChunkCompression;
  camera?: CameraSpec;
  cameraHz?: number;
  stepSec?: number;
  params?: Readonly<Record<string, string>>;
  /** false: give the goal as one image even when the scenario has a route of subgoal images */
  route?: boolean;
  packageRoot?: string;
  /** called every control period with the metrics collector, for progress lines */
  onSample?: (m: MetricsCollector, stages: { controller: PipelineStage; monitor: PipelineStage }) => void;
}

export interface RunResult {
  summary: RunSummary;
  trace: SimTrace;
  scenario: Scenario;
  /** messages per topic, when recording */
  recorded: Record<string, number> | undefined;
  recordPath: string | undefined;
  wallS: number;
}

const CONTROL_PERIOD_S = 0.1;
/** write queued recording messages every this many sim seconds, bounding memory */
const FLUSH_EVERY_S = 1;

function pickMonitor(asked: string | undefined): string {
  if (asked !== undefined) return asked;
  return monitorNames()[0] ?? 'none';
}

export async function runScenario(o: RunOptions): Promise<RunResult> {
  const wall0 = performance.now();
  const root = o.packageRoot ?? PACKAGE_ROOT;
  const built = getScenario(o.scenario).build(createRng(o.seed));
  const scenario = o.route === false ? { ...built, route: undefined } : built;
  const durationS = o.durationS ?? scenario.defaultDurationS;
  if (!(durationS > 0)) throw new Error(`duration must be > 0 s, got ${durationS}`);
  const plannerName = o.planner ?? scenario.defaultPlanner ?? o.fallbackPlanner ?? 'baseline';
  const controllerPlugin = getController(plannerName);
  const monitorName = pickMonitor(o.monitor ?? scenario.defaultMonitor);
  const urdfXml = readFileSync(join(root, 'urdf', 'robot.urdf'), 'utf8');
  const sim = await Simulator.create(scenario, urdfXml, {
    stepSec: o.stepSec ?? 0.02,
    camera: o.camera ?? DEFAULT_CAMERA,
  });
  const bus = new InProcessBus({ time: 'sim' });
  const simNode = new SimNode(bus.createNode('simulator', { useSimTime: true }), sim, {
    ...DEFAULT_SIM_NODE,
    cameraHz: o.cameraHz ?? DEFAULT_SIM_NODE.cameraHz,
  });
  // separate seeded streams so adding a consumer of randomness does not shift the others
  const ctx = (salt: number): PipelineContext => ({
    transport: bus,
    scenario,
    model: sim.model,
    urdfXml,
    packageRoot: root,
    seed: o.seed,
    rng: createRng((o.seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0),
    params: o.params ?? {},
  });
  const monitor = monitorName === 'none' ? createRelay(ctx(2)) : await getMonitor(monitorName).create(ctx(2));
  const controller = await controllerPlugin.create(ctx(1));
  const metrics = new MetricsCollector(bus, sim, CONTROL_PERIOD_S);
  let recorder: McapRecorder | undefined;
  try {
    if (o.record !== undefined) {
      recorder = await McapRecorder.open(
        resolveRecordTarget(o.record),
        new DefinitionLibrary(join(root, 'msg')),
        { compression: o.recordCompression ?? 'zstd' },
      );
      // log at physics time, so sensor log times equal their header stamps
      await recorder.attach(bus, { nowSec: () => sim.tSec });
    }
    simNode.publishGoal();
    simNode.publishAfterStep();
    bus.advanceTo(0);
    await loop(o, sim, simNode, bus, metrics, { controller, monitor }, recorder, durationS);
    const summary = metrics.summary({
      scenario: scenario.name,
      seed: o.seed,
      planner: plannerName,
      monitor: monitorName,
    });
    if (recorder) await recorder.close();
    return {
      summary,
      trace: metrics.trace,
      scenario,
      recorded: recorder?.messageCounts(),
      recordPath: recorder ? (recorder.target.bagDir ?? recorder.target.mcapPath) : undefined,
      wallS: (performance.now() - wall0) / 1000,
    };
  } finally {
    metrics.destroy();
    await controller.dispose();
    await monitor.dispose();
    simNode.destroy();
    await bus.shutdown();
    sim.dispose();
  }
}

async function loop(
  o: RunOptions,
  sim: Simulator,
  simNode: SimNode,
  bus: InProcessBus,
  metrics: MetricsCollector,
  stages: { controller: PipelineStage; monitor: PipelineStage },
  recorder: McapRecorder | undefined,
  durationS: number,
): Promise<void> {
  const dt = sim.options.stepSec;
  const steps = Math.round(durationS / dt);
  const sampleEvery = Math.max(1, Math.round(CONTROL_PERIOD_S / dt));
  const flushEvery = Math.max(1, Math.round(FLUSH_EVERY_S / dt));
  const settle = [stages.controller, stages.monitor].filter((s) => s.settle !== undefined);
  for (let k = 1; k <= steps; k++) {
    sim.step(simNode.effectiveCommand());
    simNode.publishAfterStep();
    bus.advanceTo(sim.tSec);
    for (const s of settle) await s.settle?.();
    if (settle.length > 0) bus.spin();
    metrics.afterStep();
    if (k % sampleEvery === 0) {
      metrics.sample();
      o.onSample?.(metrics, stages);
    }
    if (recorder && k % flushEvery === 0) await recorder.flush();
  }
}
