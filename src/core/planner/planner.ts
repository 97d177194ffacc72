/**
 * Safety-constrained sampling MPC in the world model's latent space (MPPI or CEM).
 *
 * One cycle: sample K sequences around the warm-started mean → build each through the constraint
 * library's per-step projection (or leave them raw: the generate-then-filter baseline) → check every
 * candidate in full (evaluateBatch) → roll all K out through the world model in one batched call →
 * cost = latent energy + effort + smoothness, +Inf if infeasible → update the distribution. The chosen
 * sequence's first action is verified once more (checkStopping). With no feasible candidate the
 * planner returns the verified braking action, status 'infeasible' and a reason; it never trades a
 * constraint for progress. Buffers are allocated once; the hot loop allocates nothing.
 */
import type { Rng } from '../math/rng.js';
import type { WorldSnapshot } from '../types.js';
import type { RolloutRequest, WorldModel } from '../worldmodel/world-model.js';
import { PlannerBuffers } from './buffers.js';
import type { PlannerConfig } from './config.js';
import { PlannerConfigError, validatePlannerConfig } from './config.js';
import type { PlannerConstraints, PlannerEvaluation } from './constraints-port.js';
import type { IterationContext } from './iteration.js';
import { checkAndRollOut, checkedMean, runIteration } from './iteration.js';
import { infeasibleReason, pickExplanation } from './reason.js';
import type { PlanResult } from './result.js';
import { emptyPlanResult } from './result.js';
import { resetStd, shiftWarmStart } from './sampling.js';
import { cemUpdate, mppiUpdate } from './update.js';

export interface PlannerDeps {
  worldModel: WorldModel;
  constraints: PlannerConstraints;
  rng: Rng;
  /** monotonic clock [ms] for the cycle time (performance.now in nodes, a fake in tests) */
  nowMs: () => number;
}

export interface PlanInput {
  world: WorldSnapshot;
  /** current latent, length D */
  z0: Float32Array;
  /** goal latent, length D */
  goal: Float32Array;
  /** the goal's arm posture [rad], in the constraint set's joint order, when the goal came with one */
  goalJointPos?: Float64Array;
}

export class MpcPlanner {
  readonly config: Readonly<PlannerConfig>;
  readonly actionDim: number;
  readonly stepSec: number;
  private readonly b: PlannerBuffers;
  private readonly result: PlanResult;
  private readonly request: RolloutRequest;
  private readonly ctx: IterationContext;
  private warm = false;
  private bestEnergy = Number.NaN;
  private bestMargin = Number.NaN;
  private holdEnergy = Number.NaN;

  constructor(
    config: PlannerConfig,
    private readonly deps: PlannerDeps,
  ) {
    const { worldModel: wm, constraints: cs } = deps;
    this.actionDim = cs.actionDim;
    if (wm.spec.actionDim !== cs.actionDim) {
      throw new PlannerConfigError(
        `world model '${wm.spec.modelId}' takes ${wm.spec.actionDim} action values, the constraint set ${cs.actionDim}`,
      );
    }
    if (Math.abs(wm.spec.stepSec - cs.stepSec) > 1e-9) {
      throw new PlannerConfigError(
        `world model '${wm.spec.modelId}' steps ${wm.spec.stepSec} s, the constraint set ${cs.stepSec} s; they must match`,
      );
    }
    this.stepSec = cs.stepSec;
    this.config = validatePlannerConfig(config, cs.actionDim);
    const { samples: k, horizon: h } = this.config;
    const norm = this.config.latentNorm;
    if (norm === 'pose' && wm.spec.goalPose !== true) {
      throw new PlannerConfigError(
        `planner config 'latentNorm': 'pose' needs a world model with a goal-pose head; '${wm.spec.modelId}' has none (use 'l1')`,
      );
    }
    this.b = new PlannerBuffers(
      k,
      h,
      cs.actionDim,
      wm.spec.latentDim,
      norm === 'l1' || norm === 'l2',
      norm === 'pose',
    );
    this.result = emptyPlanResult(cs.actionDim, h);
    this.result.sequence = this.b.chosen;
    const d = wm.spec.latentDim;
    this.request = {
      z0: new Float32Array(d),
      actions: this.b.actions,
      k,
      h,
      goal: new Float32Array(d),
      energies: this.b.energies,
      ...(this.b.latents ? { latents: this.b.latents } : {}),
      ...(this.b.goalPoses ? { goalPoses: this.b.goalPoses } : {}),
    };
    this.ctx = {
      b: this.b,
      cfg: this.config,
      constraints: cs,
      worldModel: wm,
      rng: deps.rng,
      request: this.request,
    };
  }

  /** Forget the warm start (new goal, teleport, long pause). */
  reset(): void {
    this.warm = false;
    this.b.lastApplied.fill(0);
  }

  /** One control cycle. The returned object is reused by the next call. */
  async plan(input: PlanInput): Promise<PlanResult> {
    const t0 = this.deps.nowMs();
    const r = this.result;
    const bad = this.checkInput(input);
    if (bad !== undefined) {
      this.brake(input.world, 'fallback', bad);
    } else {
      await this.optimise(input);
    }
    r.cycleMs = this.deps.nowMs() - t0;
    return r;
  }

  private checkInput(input: PlanInput): string | undefined {
    return (
      checkLatent('latent', input.z0, this.deps.worldModel.spec.latentDim) ??
      checkLatent('goal latent', input.goal, this.deps.worldModel.spec.latentDim) ??
      (input.goalJointPos ? checkPosture(input.goalJointPos, this.actionDim - 2) : undefined)
    );
  }

  private async optimise(input: PlanInput): Promise<void> {
    const { b, config: cfg } = this;
    if (!this.warm) {
      b.mean.fill(0);
      resetStd(b, cfg.noiseStd);
    }
    this.request.z0.set(input.z0);
    this.request.goal.set(input.goal);
    this.result.samples = 0;
    this.result.feasibleSamples = 0;
    this.bestEnergy = Number.NaN;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let it = 0; it < cfg.iterations; it++) {
      const feasible = await runIteration(this.ctx, input.world, input.goalJointPos);
      // sample 1 is "hold still" (see sampleSequences): the reference for progress
      this.holdEnergy = b.k > 1 ? (b.energies[1] as number) : Number.NaN;
      this.result.samples += b.k;
      this.result.feasibleSamples += feasible;
      const best = cfg.method === 'mppi' ? mppiUpdate(b, cfg) : cemUpdate(b, cfg);
      if (best >= 0 && (b.costs[best] as number) < bestCost) {
        bestCost = b.costs[best] as number;
        this.bestEnergy = b.energies[best] as number;
        this.bestMargin = b.minMarginM[best] as number;
        b.chosen.set(b.actionViews[best] as Float32Array);
      }
    }
    if (!Number.isFinite(bestCost)) {
      this.explainInfeasible(input.world);
      return;
    }
    if (this.stalled() && (await this.explainBlocked(input.world))) return;
    const meanMargin = checkedMean(this.ctx, input.world);
    if (!Number.isNaN(meanMargin)) this.bestMargin = meanMargin;
    this.finish(input.world);
  }

  /** Not at the goal, yet the best feasible sequence gains (almost) nothing or stands still. */
  private stalled(): boolean {
    const { b, config: cfg, stepSec } = this;
    if (!(this.holdEnergy > cfg.goalEnergyTolerance)) return false;
    if (this.holdEnergy - this.bestEnergy < cfg.stallEnergyEps) return true;
    let travelM = 0;
    let angleRad = 0;
    for (let t = 0; t < b.h; t++) {
      travelM += Math.abs(b.chosen[t * b.a] as number) * stepSec;
      for (let j = 1; j < b.a; j++) angleRad += Math.abs(b.chosen[t * b.a + j] as number) * stepSec;
    }
    return travelM < cfg.stallDistanceM && angleRad < cfg.stallAngleRad;
  }

  /**
   * Stalled: roll the raw samples of the last iteration out (only here, while waiting) and look for one
   * that would make progress but breaks a constraint. If there is one, the constraints block the way:
   * brake, say which, and keep that sequence as the warm start so the robot resumes once the way clears.
   */
  private async explainBlocked(world: WorldSnapshot): Promise<boolean> {
    const { b, config: cfg, deps } = this;
    b.actions.set(b.desired);
    await checkAndRollOut(this.ctx, world);
    const target = this.holdEnergy * (1 - cfg.stallFraction);
    let n = 0;
    for (let i = 0; i < b.k; i++)
      if (b.feasible[i] === 0 && (b.energies[i] as number) < target) b.order[n++] = i;
    if (n === 0) return false;
    const pick = pickExplanation(b, n, (seq) => deps.constraints.evaluate(world, seq, b.h));
    if (pick === undefined) return false;
    this.explainWith(world, pick.seq, pick.ev);
    return true;
  }

  private explainInfeasible(world: WorldSnapshot): void {
    const { b } = this;
    let wanted = 0;
    for (let i = 1; i < b.k; i++) if ((b.energies[i] as number) < (b.energies[wanted] as number)) wanted = i;
    this.explainWith(world, b.actionViews[wanted] as Float32Array);
  }

  private explainWith(world: WorldSnapshot, seq: Float32Array, evaluated?: PlannerEvaluation): void {
    const { b, deps } = this;
    const ev = evaluated ?? deps.constraints.evaluate(world, seq, b.h);
    deps.constraints.predictBasePoses(world, seq, b.h, this.result.posesXYYaw);
    const reason = infeasibleReason(ev, world.people, this.result.posesXYYaw, baseXY(world));
    shiftWarmStart(b, this.config.noiseStd, seq);
    this.warm = true;
    this.brake(world, 'infeasible', reason);
  }

  /** Verify the first action with the stopping check, then publish the sequence and warm-start. */
  private finish(world: WorldSnapshot): void {
    const { b, result: r, deps } = this;
    for (let j = 0; j < b.a; j++) r.firstAction[j] = b.chosen[j] as number;
    deps.constraints.predictBasePoses(world, b.chosen, b.h, r.posesXYYaw);
    if (!deps.constraints.stoppable(world, r.firstAction)) {
      // rare: build the evaluation (it allocates) only to say why
      const stop = deps.constraints.checkStopping(world, r.firstAction);
      this.brake(world, 'infeasible', infeasibleReason(stop, world.people, r.posesXYYaw, baseXY(world)));
      return;
    }
    r.status = 'ok';
    r.reason = '';
    r.energy = this.bestEnergy;
    r.minSeparationMarginM = this.bestMargin;
    for (let j = 0; j < b.a; j++) b.lastApplied[j] = r.firstAction[j] as number;
    shiftWarmStart(b, this.config.noiseStd, b.chosen);
    this.warm = true;
  }

  private brake(world: WorldSnapshot, status: 'infeasible' | 'fallback', reason: string): void {
    const { b, result: r, deps } = this;
    deps.constraints.brakingAction(world, r.firstAction);
    b.chosen.fill(0);
    for (let j = 0; j < b.a; j++) b.chosen[j] = r.firstAction[j] as number;
    deps.constraints.predictBasePoses(world, b.chosen, b.h, r.posesXYYaw);
    for (let j = 0; j < b.a; j++) b.lastApplied[j] = r.firstAction[j] as number;
    r.status = status;
    r.reason = reason;
    r.energy = Number.NaN;
    r.minSeparationMarginM = Number.NaN;
  }
}

/** Why a latent cannot be planned on (size, non-finite value), or undefined; allocates only on failure. */
function checkLatent(name: string, z: Float32Array, d: number): string | undefined {
  if (z.length !== d) return `${name} has ${z.length} values, the world model expects ${d}; holding`;
  for (let i = 0; i < z.length; i++) {
    if (!Number.isFinite(z[i] as number)) return `${name} value ${i} is ${z[i]}; holding`;
  }
  return undefined;
}

function checkPosture(q: Float64Array, n: number): string | undefined {
  if (q.length !== n) return `goal posture has ${q.length} joint positions, the arm ${n}; holding`;
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(q[j] as number)) return `goal posture joint ${j} is ${q[j]}; holding`;
  }
  return undefined;
}

function baseXY(world: WorldSnapshot): [number, number] {
  return [world.robot.base.xInOdomM, world.robot.base.yInOdomM];
}
