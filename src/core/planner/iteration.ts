/** One optimisation iteration and the mean check: the allocation-free hot path of the planner. */
import type { Rng } from '../math/rng.js';
import type { WorldSnapshot } from '../types.js';
import type { RolloutRequest, WorldModel } from '../worldmodel/world-model.js';
import type { PlannerBuffers } from './buffers.js';
import type { PlannerConfig } from './config.js';
import type { PlannerConstraints } from './constraints-port.js';
import { armPostureCost, controlCost, goalPoseEnergies, latentEnergies, separationCost } from './energy.js';
import { sampleSequences } from './sampling.js';

export interface IterationContext {
  b: PlannerBuffers;
  cfg: Readonly<PlannerConfig>;
  constraints: PlannerConstraints;
  worldModel: WorldModel;
  rng: Rng;
  /** preallocated request over b.actions / b.energies / b.latents */
  request: RolloutRequest;
}

/** Checks b.actions in full and rolls them out; energies land in b.energies. */
export async function checkAndRollOut(ctx: IterationContext, world: WorldSnapshot): Promise<void> {
  const { b, cfg } = ctx;
  ctx.constraints.evaluateBatch(world, b.actions, b.k, b.h, b.feasible, b.minMarginM);
  await ctx.worldModel.rollout(ctx.request);
  if (b.goalPoses) goalPoseEnergies(b.goalPoses, b.k, b.h, cfg, b.energies);
  else if (b.latents) latentEnergies(b.latents, ctx.request.goal, b.k, b.h, cfg, b.energies);
}

/**
 * Sample, build (project, or raw in filter mode), check and roll out K sequences; writes b.costs
 * (+Inf when infeasible or when the model gave a non-finite energy). Returns how many passed the check.
 * `goalJointPos`: the goal's arm posture, when the goal came with one (adds the arm posture cost).
 */
export async function runIteration(
  ctx: IterationContext,
  world: WorldSnapshot,
  goalJointPos: Float64Array | undefined,
): Promise<number> {
  const { b, cfg, constraints } = ctx;
  const { k, h, a } = b;
  sampleSequences(b, ctx.rng, cfg.noiseCorrelation, cfg.brakingTailFraction);
  if (cfg.mode === 'project') {
    for (let i = 0; i < k; i++) {
      constraints.projectSequence(
        world,
        b.desiredViews[i] as Float32Array,
        h,
        b.actionViews[i] as Float32Array,
      );
    }
  } else {
    b.actions.set(b.desired);
  }
  await checkAndRollOut(ctx, world);
  let feasible = 0;
  for (let i = 0; i < k; i++) {
    if (b.feasible[i] === 1) {
      feasible++;
      b.costs[i] =
        (b.energies[i] as number) +
        controlCost(b.actions, i, h, a, b.lastApplied, cfg) +
        separationCost(poses(ctx, world, i), h, world.people, cfg) +
        (goalJointPos
          ? armPostureCost(
              b.actions,
              i,
              h,
              a,
              world.robot.jointPos,
              goalJointPos,
              ctx.constraints.stepSec,
              cfg,
            )
          : 0);
    } else {
      b.costs[i] = Number.POSITIVE_INFINITY;
    }
  }
  return feasible;
}

/** Analytic base path of sample i into the scratch pose buffer (only when the soft term needs it). */
function poses(ctx: IterationContext, world: WorldSnapshot, i: number): Float64Array {
  const { b } = ctx;
  if (ctx.cfg.separationWeight > 0 && world.people.length > 0) {
    ctx.constraints.predictBasePoses(world, b.actionViews[i] as Float32Array, b.h, b.scratchPoses);
  }
  return b.scratchPoses;
}

/**
 * The updated mean is the optimiser's answer, but an average of feasible sequences need not be
 * feasible: build it through the projection, check it, and use it only if it passes. Returns its
 * separation margin, or NaN if it failed (the caller keeps the best sample).
 */
export function checkedMean(ctx: IterationContext, world: WorldSnapshot): number {
  const { b, cfg, constraints } = ctx;
  if (cfg.mode === 'project') constraints.projectSequence(world, b.mean, b.h, b.scratchSeq);
  else b.scratchSeq.set(b.mean);
  constraints.evaluateBatch(world, b.scratchSeq, 1, b.h, b.oneFeasible, b.oneMargin);
  if (b.oneFeasible[0] !== 1) return Number.NaN;
  b.chosen.set(b.scratchSeq);
  return b.oneMargin[0] as number;
}
