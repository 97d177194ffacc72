/**
 * Planner configuration: one frozen, validated object. Errors name the key, what was expected and
 * what was given, so a bad params file is fixed in one go.
 */
import { DEFAULT_HEADING_SCALE_M } from '../worldmodel/analytic-world-model.js';

/** MPPI: exponentially weighted average of all feasible samples. CEM: refit on the elite fraction. */
export type PlannerMethod = 'mppi' | 'cem';
/**
 * 'project': every sample is built through the constraint library's per-step projection (feasible by
 * construction, then checked in full). 'filter': the generate-then-filter baseline — raw samples,
 * infeasible ones rejected afterwards — at the same compute.
 */
export type SamplingMode = 'project' | 'filter';
/**
 * How the task energy compares predicted latents with the goal latent: L1 or L2 latent distance,
 * 'model' the model's own terminal energy, 'pose' the distance to the goal in metres that the model's
 * goal-pose head reads off each predicted latent and the goal latent (models with spec.goalPose).
 */
export type LatentNorm = 'l1' | 'l2' | 'model' | 'pose';
export const LATENT_NORMS: readonly LatentNorm[] = ['l1', 'l2', 'model', 'pose'];

export interface PlannerConfig {
  method: PlannerMethod;
  mode: SamplingMode;
  /** K: action sequences per iteration */
  samples: number;
  /** H: steps per sequence (step length is the constraint set's stepSec) */
  horizon: number;
  /** optimisation iterations per control cycle */
  iterations: number;
  /** MPPI temperature, relative to the feasible cost spread (scale-free) */
  temperature: number;
  /** CEM: fraction of the feasible samples refit on */
  eliteFraction: number;
  /** exploration noise std per action dimension, length A [m/s, rad/s, rad/s…] */
  noiseStd: readonly number[];
  /**
   * Correlation of the exploration noise from one step to the next (AR(1), 0 = white). Coloured noise
   * gives samples coherent manoeuvres (turn away, drive, turn back) that white noise averages out;
   * the per-step std stays noiseStd.
   */
  noiseCorrelation: number;
  /**
   * Fraction of the noisy samples whose desired actions are zero from a random step on, so that the
   * projection turns their tail into braking. Near people the worst-case disc leaves room only for
   * plans that come to rest within a fraction of a second; noisy samples rarely do (crossing seed 1:
   * 1 of 512 feasible, the robot waiting for a person 3 m away), "move a little, then stop" often does.
   */
  brakingTailFraction: number;
  /** CEM: lower bound of the refit std, as a fraction of noiseStd */
  minStdFraction: number;
  latentNorm: LatentNorm;
  /** weight of the latent distance at each intermediate step */
  runningWeight: number;
  /** weight of the latent distance at the last step */
  terminalWeight: number;
  /** latentNorm 'pose': metres one full heading error (unit-vector difference) is worth */
  poseHeadingScaleM: number;
  /**
   * latentNorm 'pose': weight of r − x (goal distance minus its forward component: 0 when the goal is
   * straight ahead, 2r behind) at each step. A diff-drive robot makes progress facing its goal; the
   * goal-pose head reads views of a nearby wall as nearer the goal than they are (its bearing holds),
   * and this keeps the planner from turning toward them. Fades with the distance; near a goal beside
   * the robot it turns the robot toward it first (measured: 3 reaches crossing and coffee seeds that
   * 0.5 and a strong heading term did not, docs/PLANNER.md).
   */
  poseBearingWeight: number;
  /**
   * With a goal posture (PlanInput.goalJointPos): weight of Σ_t w_t Σ_j |q_j(t) − goal_j| [per rad],
   * q(t) integrated from the joint positions by kinematics. The arm goes to the goal's posture, and
   * cannot wander to postures the world model rarely saw, where its goal reading errs.
   */
  armPostureWeight: number;
  /** weight of Σ a² (control effort), per action dimension scaled by 1/noiseStd² */
  effortWeight: number;
  /** weight of Σ (a_t − a_{t−1})² (smoothness), scaled like effortWeight */
  smoothnessWeight: number;
  /** weight of the soft "pass people wide" term, per metre of base-to-person gap below separationCapM */
  separationWeight: number;
  /** [m] base-centre-to-person-surface gap beyond which the soft term is 0 */
  separationCapM: number;
  /**
   * Blocked detection: when the best feasible sequence barely moves the robot (less than
   * stallDistanceM of base travel and stallAngleRad of turning and arm motion over the horizon) while
   * raw samples that would lower the energy by stallFraction of holding still break a constraint of
   * the world (a person, a zone), the planner waits: braking action, status infeasible, and the reason.
   */
  stallFraction: number;
  /** task-energy gain over holding still below which the best plan counts as no progress */
  stallEnergyEps: number;
  /** [m] base travel over the horizon below which the plan counts as standing still */
  stallDistanceM: number;
  /** [rad] turning (and arm motion) over the horizon below which the plan counts as standing still */
  stallAngleRad: number;
  /** energy below which holding still counts as "at the goal" (never blocked there) */
  goalEnergyTolerance: number;
}

/** Defaults for a differential-drive base plus `armJointCount` arm joints. */
export function defaultPlannerConfig(armJointCount: number): PlannerConfig {
  return {
    method: 'mppi',
    mode: 'project',
    samples: 512,
    horizon: 20,
    iterations: 1,
    temperature: 0.03,
    eliteFraction: 0.1,
    noiseStd: [0.25, 0.6, ...new Array<number>(armJointCount).fill(0.3)],
    noiseCorrelation: 0.8,
    brakingTailFraction: 0.25,
    minStdFraction: 0.1,
    latentNorm: 'l1',
    runningWeight: 0.2,
    terminalWeight: 1,
    poseHeadingScaleM: DEFAULT_HEADING_SCALE_M,
    poseBearingWeight: 3,
    armPostureWeight: 0.5,
    effortWeight: 0.002,
    smoothnessWeight: 0.01,
    separationWeight: 0.5,
    separationCapM: 1.5,
    stallFraction: 0.02,
    stallEnergyEps: 0,
    stallDistanceM: 0.005,
    stallAngleRad: 0.05,
    goalEnergyTolerance: 0.1,
  };
}

export class PlannerConfigError extends Error {
  override name = 'PlannerConfigError';
}

function need(ok: boolean, key: string, expected: string, got: unknown): void {
  if (!ok)
    throw new PlannerConfigError(`planner config '${key}': expected ${expected}, got ${JSON.stringify(got)}`);
}

function intIn(c: PlannerConfig, key: 'samples' | 'horizon' | 'iterations', lo: number, hi: number): void {
  const v = c[key];
  need(Number.isInteger(v) && v >= lo && v <= hi, key, `an integer in [${lo}, ${hi}]`, v);
}

function finiteIn(c: PlannerConfig, key: keyof PlannerConfig, lo: number, hi: number, open = false): void {
  const v = c[key] as number;
  const ok = typeof v === 'number' && Number.isFinite(v) && (open ? v > lo : v >= lo) && v <= hi;
  need(ok, key, `a number in ${open ? '(' : '['}${lo}, ${hi}]`, v);
}

/** Checks every field and the cross-field rules; returns a frozen copy. */
export function validatePlannerConfig(c: PlannerConfig, actionDim: number): Readonly<PlannerConfig> {
  need(c.method === 'mppi' || c.method === 'cem', 'method', "'mppi' | 'cem'", c.method);
  need(c.mode === 'project' || c.mode === 'filter', 'mode', "'project' | 'filter'", c.mode);
  need(
    LATENT_NORMS.includes(c.latentNorm),
    'latentNorm',
    LATENT_NORMS.map((n) => `'${n}'`).join(' | '),
    c.latentNorm,
  );
  intIn(c, 'samples', 2, 65536);
  intIn(c, 'horizon', 1, 200);
  intIn(c, 'iterations', 1, 50);
  finiteIn(c, 'temperature', 0, 1e6, true);
  finiteIn(c, 'eliteFraction', 0, 1, true);
  finiteIn(c, 'minStdFraction', 0, 1);
  finiteIn(c, 'noiseCorrelation', 0, 0.99);
  finiteIn(c, 'brakingTailFraction', 0, 1);
  finiteIn(c, 'stallFraction', 0, 1);
  finiteIn(c, 'stallDistanceM', 0, 100);
  finiteIn(c, 'stallEnergyEps', 0, 1e9);
  finiteIn(c, 'stallAngleRad', 0, 100);
  for (const key of [
    'runningWeight',
    'terminalWeight',
    'poseBearingWeight',
    'armPostureWeight',
    'effortWeight',
    'smoothnessWeight',
    'separationWeight',
    'separationCapM',
    'goalEnergyTolerance',
  ] as const) {
    finiteIn(c, key, 0, 1e9);
  }
  need(
    Array.isArray(c.noiseStd) && c.noiseStd.length === actionDim,
    'noiseStd',
    `${actionDim} values (one per action dimension)`,
    c.noiseStd,
  );
  c.noiseStd.forEach((s, i) => need(Number.isFinite(s) && s > 0, `noiseStd[${i}]`, 'a positive number', s));
  return Object.freeze({ ...c, noiseStd: Object.freeze([...c.noiseStd]) });
}
