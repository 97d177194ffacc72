/**
 * Hooks the planner into the built-in simulator's closed loop (src/sim/controllers.ts):
 *  - 'mpc':    camera → observation encoder (ONNX world model) → planner → safety monitor;
 *  - 'oracle': ground-truth latents (analytic world model) → the same planner → safety monitor.
 * Both build their own constraint set from urdf + config/constraints.yaml + the scenario's keep-out
 * zones, and read planner parameters from `--param mpc_planner.<name>=<value>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AnalyticWorldModel } from '../../core/worldmodel/analytic-world-model.js';
import type { WorldModel } from '../../core/worldmodel/world-model.js';
import type { PipelineContext, PipelineStage } from '../../sim/controllers.js';
import { registerController } from '../../sim/controllers.js';
import type { ParameterValue } from '../../transport/port.js';
import type { MpcPlannerHandle } from '../mpc-planner.js';
import { startMpcPlanner } from '../mpc-planner.js';
import { buildMonitorConstraints } from '../safety-monitor/constraint-source.js';
import { withScenarioZones } from '../safety-monitor/sim-plugin.js';
import { startOracleEncoder } from './oracle-encoder.js';
import { TrackedWorldModel } from './tracked-model.js';
import {
  DEFAULT_SUBGOAL_TOLERANCE,
  DEFAULT_SUBGOAL_TOLERANCE_M,
  startGoalSequencer,
} from '../goal-sequencer.js';
import { GoalPoseReader } from '../../core/worldmodel/goal-pose-reader.js';

/** `--param mpc_planner.samples=256` → { samples: 256 }; numbers and booleans parsed, the rest strings. */
export function plannerParamOverrides(
  params: Readonly<Record<string, string>>,
  prefix = 'mpc_planner.',
): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const [key, raw] of Object.entries(params)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    if (raw === 'true' || raw === 'false') out[name] = raw === 'true';
    else if (name === 'noise_std') out[name] = raw.split(',').map(Number);
    else if (raw.trim() !== '' && Number.isFinite(Number(raw))) out[name] = Number(raw);
    else out[name] = raw;
  }
  return out;
}

export function buildPlannerConstraints(ctx: PipelineContext) {
  const yamlPath = join(ctx.packageRoot, 'config', 'constraints.yaml');
  return buildMonitorConstraints({
    urdfXml: ctx.urdfXml,
    constraintsYaml: existsSync(yamlPath) ? readFileSync(yamlPath, 'utf8') : null,
    adjust: (c) => withScenarioZones(c, ctx.scenario.keepOutZones),
  });
}

/** Status word for the progress line: plan status and planning rate. */
function statusOf(h: MpcPlannerHandle): string {
  const r = h.lastResult();
  if (!r) return 'planner: waiting for inputs';
  const hz = r.cycleMs > 0 ? ` ${(1000 / r.cycleMs).toFixed(0)} Hz` : '';
  const why = r.status === 'ok' ? '' : ` (${r.reason})`;
  return `${r.status}${hz} ${r.feasibleSamples}/${r.samples} feasible${why}`;
}

/**
 * The oracle's own planner settings, under any --param: its latent is analytic pose features, whose
 * natural distance is L2, and it needs neither the long horizon nor the coloured noise the learned
 * model's energy does (measured: with the learned model's defaults it stalls ~1.7 m from the coffee goal),
 * nor the sharper MPPI temperature (0.03 keeps it from reaching the goal in planner-test-wait), nor
 * braking tails (with them it did not get past the person in planner-test-pass within 14 s).
 */
const ORACLE_PLANNER_DEFAULTS: Readonly<Record<string, ParameterValue>> = {
  latent_norm: 'l2',
  horizon: 12,
  noise_correlation: 0,
  temperature: 0.1,
  braking_tail_fraction: 0,
};

function startPlannerNode(
  ctx: PipelineContext,
  worldModel: WorldModel,
  constraints: ReturnType<typeof buildPlannerConstraints>,
  seedSalt: number,
  defaults: Readonly<Record<string, ParameterValue>> = {},
) {
  const overrides = {
    seed: (ctx.seed * 7919 + seedSalt) % 2147483647,
    ...defaults,
    ...plannerParamOverrides(ctx.params),
  };
  const node = ctx.transport.createNode('mpc_planner', { useSimTime: true, parameterOverrides: overrides });
  return { node, handle: startMpcPlanner(node, { constraints, worldModel }) };
}

export function createOraclePlanner(ctx: PipelineContext): PipelineStage {
  const names = ctx.model.armJointNames;
  const constraints = buildPlannerConstraints(ctx);
  const model = new AnalyticWorldModel({ armJointCount: names.length, stepSec: constraints.stepSec });
  const encNode = ctx.transport.createNode('oracle_encoder', { useSimTime: true });
  const planner = startPlannerNode(ctx, model, constraints, 1, ORACLE_PLANNER_DEFAULTS);
  const encoder = startOracleEncoder(encNode, model, names, ctx.scenario.goal);
  return {
    status: () => `oracle ${statusOf(planner.handle)}`,
    settle: () => planner.handle.idle(),
    dispose: () => {
      encoder.stop();
      planner.handle.stop();
      encNode.destroy();
      planner.node.destroy();
    },
  };
}

/** The learned pipeline: camera → encoder (ONNX) → planner, one model instance shared by both. */
export async function createLearnedPlanner(ctx: PipelineContext): Promise<PipelineStage> {
  // loaded on demand: the oracle and the other controllers run without ONNX Runtime
  const { OnnxWorldModel } = await import('../../runtime/onnx-world-model.js');
  const { startObservationEncoder } = await import('../observation-encoder.js');
  const names = ctx.model.armJointNames;
  const constraints = buildPlannerConstraints(ctx);
  // resolve, not join: an absolute model_dir stays as given
  const modelDir = resolve(ctx.packageRoot, ctx.params['mpc_planner.model_dir'] ?? 'models/jepa-sim');
  const providers = (ctx.params['mpc_planner.execution_providers'] ?? 'cpu').split(',');
  const onnx = await OnnxWorldModel.load({
    modelDir,
    armJointNames: names,
    providers,
    stepSec: constraints.stepSec,
  });
  // one model for encoder and planner, wrapped so the lockstep loop can wait for its inference
  const model = new TrackedWorldModel(onnx);
  const encNode = ctx.transport.createNode('observation_encoder', { useSimTime: true });
  const encoder = startObservationEncoder(encNode, {
    model,
    image: onnx.manifest.image,
    armJointNames: names,
  });
  const planner = startPlannerNode(ctx, model, constraints, 2);
  // a scenario with a route publishes subgoal images; the sequencer feeds them to the encoder in turn
  const seqNode = ctx.scenario.route?.length
    ? ctx.transport.createNode('goal_sequencer', { useSimTime: true })
    : undefined;
  const sequencer = seqNode
    ? startGoalSequencer(seqNode, {
        subgoalTolerance: Number(ctx.params['goal_sequencer.subgoal_tolerance'] ?? DEFAULT_SUBGOAL_TOLERANCE),
        // a model with a goal-pose head judges subgoals in metres
        ...(model.spec.goalPose === true
          ? {
              goalPose: {
                reader: new GoalPoseReader(model),
                toleranceM: Number(
                  ctx.params['goal_sequencer.subgoal_tolerance_m'] ?? DEFAULT_SUBGOAL_TOLERANCE_M,
                ),
              },
            }
          : {}),
      })
    : undefined;
  // lockstep needs the encoder's in-flight encode too, when the encoder exposes it
  const withIdle = encoder as { idle?: () => Promise<void> };
  return {
    status: () => {
      const c = encoder.counters();
      const route = sequencer
        ? ` subgoal ${sequencer.activeIndex() + 1}/${(ctx.scenario.route?.length ?? 0) + 1}`
        : '';
      return `mpc enc ${c.latentsPublished} z ${c.goalLatentsPublished} goal ${c.encodeErrors} err${route}; ${statusOf(planner.handle)}`;
    },
    settle: async () => {
      if (withIdle.idle) await withIdle.idle();
      await sequencer?.idle();
      await model.idle();
      await planner.handle.idle();
      await model.idle();
    },
    dispose: async () => {
      encoder.stop();
      sequencer?.stop();
      seqNode?.destroy();
      planner.handle.stop();
      encNode.destroy();
      planner.node.destroy();
      await model.dispose();
    },
  };
}

registerController({
  name: 'mpc',
  description: 'the MPC planner on the learned JEPA world model (camera → encoder → planner → monitor)',
  create: createLearnedPlanner,
});

registerController({
  name: 'oracle',
  description: 'the MPC planner on ground-truth state (analytic world model): the upper bound for mpc',
  create: createOraclePlanner,
});
