/**
 * The planner node's ROS parameters, declared once with descriptors (type, default, unit, range) and
 * read at start-up into a frozen node config plus the core's PlannerConfig.
 */
import type { PlannerConfig } from '../../core/planner/config.js';
import { LATENT_NORMS, defaultPlannerConfig, validatePlannerConfig } from '../../core/planner/config.js';
import type { NodeHandle, ParameterDescriptor } from '../../transport/port.js';

export interface PlannerNodeConfig {
  /** control rate [Hz] (timer on the node clock: sim time when use_sim_time is set) */
  rateHz: number;
  /** inputs received longer ago than this are stale [s] */
  staleTimeoutSec: number;
  /** the tool state is published slowly; its own timeout [s] */
  toolStaleTimeoutSec: number;
  /** seed of the sampling noise (same seed, same plans) */
  seed: number;
  odomFrame: string;
  baseFrame: string;
  /** while waiting, the polite request is repeated this often [s] */
  requestRepeatSec: number;
  planner: Readonly<PlannerConfig>;
}

type Num =
  | 'samples'
  | 'horizon'
  | 'iterations'
  | 'temperature'
  | 'eliteFraction'
  | 'minStdFraction'
  | 'noiseCorrelation'
  | 'brakingTailFraction';
type Weight =
  | 'runningWeight'
  | 'terminalWeight'
  | 'poseHeadingScaleM'
  | 'poseBearingWeight'
  | 'armPostureWeight'
  | 'effortWeight'
  | 'smoothnessWeight'
  | 'separationWeight'
  | 'separationCapM'
  | 'stallFraction'
  | 'stallDistanceM'
  | 'stallEnergyEps'
  | 'stallAngleRad'
  | 'goalEnergyTolerance';

function d(
  name: string,
  def: number,
  description: string,
  min: number,
  max: number,
  unit?: string,
): ParameterDescriptor<number> {
  return {
    name,
    type: 'double',
    default: def,
    description,
    min,
    max,
    readOnly: true,
    ...(unit ? { unit } : {}),
  };
}
function i(
  name: string,
  def: number,
  description: string,
  min: number,
  max: number,
): ParameterDescriptor<number> {
  return { name, type: 'integer', default: def, description, min, max, readOnly: true };
}

/** Every planner parameter, with the PlannerConfig key it fills. */
function plannerNumberParams(
  def: PlannerConfig,
): ReadonlyArray<readonly [Num | Weight, ParameterDescriptor<number>]> {
  return [
    ['samples', i('samples', def.samples, 'K: action sequences per iteration', 2, 65536)],
    ['horizon', i('horizon', def.horizon, 'H: steps per sequence (step = constraint step_s)', 1, 200)],
    ['iterations', i('iterations', def.iterations, 'optimisation iterations per cycle', 1, 50)],
    [
      'temperature',
      d('temperature', def.temperature, 'MPPI temperature relative to the feasible cost spread', 1e-6, 1e6),
    ],
    [
      'eliteFraction',
      d('elite_fraction', def.eliteFraction, 'CEM: fraction of feasible samples refit on', 1e-6, 1),
    ],
    [
      'noiseCorrelation',
      d(
        'noise_correlation',
        def.noiseCorrelation,
        'step-to-step correlation of the sampling noise (AR(1); 0 = white)',
        0,
        0.99,
      ),
    ],
    [
      'brakingTailFraction',
      d(
        'braking_tail_fraction',
        def.brakingTailFraction,
        'fraction of noisy samples that stop from a random step on (feasible near people)',
        0,
        1,
      ),
    ],
    [
      'minStdFraction',
      d('min_std_fraction', def.minStdFraction, 'CEM: std floor as a fraction of noise_std', 0, 1),
    ],
    [
      'runningWeight',
      d('running_weight', def.runningWeight, 'weight of the latent distance at intermediate steps', 0, 1e9),
    ],
    [
      'terminalWeight',
      d('terminal_weight', def.terminalWeight, 'weight of the latent distance at the last step', 0, 1e9),
    ],
    [
      'poseHeadingScaleM',
      d(
        'pose_heading_m',
        def.poseHeadingScaleM,
        "latent_norm 'pose': metres one full heading error is worth",
        0,
        100,
        'm',
      ),
    ],
    [
      'poseBearingWeight',
      d(
        'pose_bearing_weight',
        def.poseBearingWeight,
        "latent_norm 'pose': weight of (goal distance − its forward component): face the goal",
        0,
        100,
      ),
    ],
    [
      'armPostureWeight',
      d(
        'arm_posture_weight',
        def.armPostureWeight,
        'weight of Σ|q − goal posture| [per rad] when the goal came with a posture (goal_joint_states)',
        0,
        1e9,
      ),
    ],
    ['effortWeight', d('effort_weight', def.effortWeight, 'weight of Σa² / noise_std²', 0, 1e9)],
    [
      'smoothnessWeight',
      d('smoothness_weight', def.smoothnessWeight, 'weight of Σ(Δa)² / noise_std²', 0, 1e9),
    ],
    [
      'separationWeight',
      d(
        'separation_weight',
        def.separationWeight,
        'soft cost per metre of separation margin below the cap',
        0,
        1e9,
      ),
    ],
    [
      'separationCapM',
      d(
        'separation_cap_m',
        def.separationCapM,
        'margin beyond which passing wide costs nothing',
        0,
        100,
        'm',
      ),
    ],
    [
      'stallFraction',
      d(
        'stall_fraction',
        def.stallFraction,
        'raw samples better than hold by this fraction of its energy show the way is blocked',
        0,
        1,
      ),
    ],
    [
      'stallEnergyEps',
      d(
        'stall_energy_eps',
        def.stallEnergyEps,
        'best plan gaining less energy than this over holding still makes no progress',
        0,
        1e9,
      ),
    ],
    [
      'stallDistanceM',
      d('stall_distance_m', def.stallDistanceM, 'plans travelling less than this stand still', 0, 100, 'm'),
    ],
    [
      'stallAngleRad',
      d('stall_angle_rad', def.stallAngleRad, 'plans turning less than this stand still', 0, 100, 'rad'),
    ],
    [
      'goalEnergyTolerance',
      d(
        'goal_energy_tolerance',
        def.goalEnergyTolerance,
        'hold energy below this counts as at the goal',
        0,
        1e9,
      ),
    ],
  ];
}

/**
 * Declares every planner parameter. `modelHasGoalPose`: the world model has a goal-pose head, so the
 * metric 'pose' energy is the default latent_norm ('l1' otherwise).
 */
export function declarePlannerParameters(
  node: NodeHandle,
  armJointCount: number,
  modelHasGoalPose = false,
): Readonly<PlannerNodeConfig> {
  const def = defaultPlannerConfig(armJointCount);
  if (modelHasGoalPose) def.latentNorm = 'pose';
  const cfg: PlannerConfig = { ...def };
  cfg.method = node.declareParameter<string>({
    name: 'method',
    type: 'string',
    default: def.method,
    choices: ['mppi', 'cem'],
    readOnly: true,
    description: 'sampling optimiser: MPPI (weighted average) or CEM (elite refit)',
  }) as PlannerConfig['method'];
  cfg.mode = node.declareParameter<string>({
    name: 'sampling_mode',
    type: 'string',
    default: def.mode,
    choices: ['project', 'filter'],
    readOnly: true,
    description:
      "'project': samples built through the constraint projection; 'filter': generate-then-filter baseline",
  }) as PlannerConfig['mode'];
  cfg.latentNorm = node.declareParameter<string>({
    name: 'latent_norm',
    type: 'string',
    default: def.latentNorm,
    choices: [...LATENT_NORMS],
    readOnly: true,
    description:
      "distance between predicted and goal latents ('model': the world model's own energy; 'pose': metres to the goal from the model's goal-pose head)",
  }) as PlannerConfig['latentNorm'];
  const c = cfg as unknown as Record<string, number>;
  for (const [key, desc] of plannerNumberParams(def)) c[key] = node.declareParameter(desc);
  cfg.noiseStd = node.declareParameter<number[]>({
    name: 'noise_std',
    type: 'double_array',
    default: [...def.noiseStd],
    min: 1e-6,
    max: 100,
    readOnly: true,
    description: 'exploration std per action dimension [m/s, rad/s, rad/s…]',
  });
  return Object.freeze({
    rateHz: node.declareParameter(d('rate_hz', 10, 'control rate', 0.1, 1000, 'Hz')),
    staleTimeoutSec: node.declareParameter(
      d('stale_timeout_s', 0.5, 'inputs older than this are stale', 0.001, 60, 's'),
    ),
    toolStaleTimeoutSec: node.declareParameter(
      d('tool_stale_timeout_s', 2, 'tool state older than this is stale', 0.001, 600, 's'),
    ),
    seed: node.declareParameter(i('seed', 1, 'seed of the sampling noise', 0, 2 ** 31 - 1)),
    odomFrame: node.declareParameter<string>({
      name: 'odom_frame',
      type: 'string',
      default: 'odom',
      readOnly: true,
      description: "frame of odometry and people ('' accepts any)",
    }),
    baseFrame: node.declareParameter<string>({
      name: 'base_frame',
      type: 'string',
      default: 'base_link',
      readOnly: true,
      description: 'frame of the proposed base twist',
    }),
    requestRepeatSec: node.declareParameter(
      d('request_repeat_s', 5, 'while waiting, repeat the polite request this often', 0, 3600, 's'),
    ),
    planner: validatePlannerConfig(cfg, 2 + armJointCount),
  });
}
