/**
 * The safety monitor's ROS parameters, declared once: name, type, default, unit, range. They are read
 * at start-up into a frozen MonitorConfig (read-only: a safety gate does not change its rules live).
 */
import type { MonitorConfig } from '../../core/monitor/index.js';
import { DEFAULT_MONITOR_CONFIG } from '../../core/monitor/index.js';
import type { NodeHandle, ParameterDescriptor } from '../../transport/port.js';

export interface MonitorNodeConfig extends MonitorConfig {
  /** publish geometry_msgs/TwistStamped instead of Twist on the base command topic */
  cmdVelStamped: boolean;
  /** frame of the base twist and of the verdicts */
  baseFrame: string;
  /** the frame odometry and people must be given in ('' accepts any) */
  odomFrame: string;
  diagnosticsPeriodSec: number;
}

const D = DEFAULT_MONITOR_CONFIG;
type Key = keyof MonitorNodeConfig;

/** Every parameter, paired with the config key it fills. */
export const MONITOR_PARAMETERS: ReadonlyArray<readonly [Key, ParameterDescriptor]> = [
  [
    'periodSec',
    {
      name: 'period_s',
      type: 'double',
      default: 0,
      unit: 's',
      min: 0,
      max: 10,
      readOnly: true,
      description: 'watchdog period; 0 = the constraint set step (control period)',
    },
  ],
  [
    'proposalTimeoutPeriods',
    {
      name: 'proposal_timeout_periods',
      type: 'double',
      default: D.proposalTimeoutPeriods,
      min: 1,
      max: 100,
      readOnly: true,
      description: 'brake when no proposal was executed for this many periods',
    },
  ],
  [
    'proposalMaxAgeSec',
    {
      name: 'proposal_max_age_s',
      type: 'double',
      default: D.proposalMaxAgeSec,
      unit: 's',
      min: 0,
      max: 10,
      readOnly: true,
      description: 'refuse proposals stamped longer ago than this',
    },
  ],
  [
    'jointStatesTimeoutSec',
    {
      name: 'joint_states_timeout_s',
      type: 'double',
      default: D.jointStatesTimeoutSec,
      unit: 's',
      min: 0.001,
      max: 10,
      readOnly: true,
      description: 'joint states older than this are stale',
    },
  ],
  [
    'odomTimeoutSec',
    {
      name: 'odom_timeout_s',
      type: 'double',
      default: D.odomTimeoutSec,
      unit: 's',
      min: 0.001,
      max: 10,
      readOnly: true,
      description: 'odometry older than this is stale',
    },
  ],
  [
    'peopleTimeoutSec',
    {
      name: 'people_timeout_s',
      type: 'double',
      default: D.peopleTimeoutSec,
      unit: 's',
      min: 0.001,
      max: 10,
      readOnly: true,
      description: 'people older than this are stale',
    },
  ],
  [
    'toolTimeoutSec',
    {
      name: 'tool_timeout_s',
      type: 'double',
      default: D.toolTimeoutSec,
      unit: 's',
      min: 0,
      max: 3600,
      readOnly: true,
      description: 'tool state older than this is stale; 0 = seen once is enough',
    },
  ],
  [
    'futureToleranceSec',
    {
      name: 'future_tolerance_s',
      type: 'double',
      default: D.futureToleranceSec,
      unit: 's',
      min: 0,
      max: 1,
      readOnly: true,
      description: 'stamps further ahead of the clock are faults',
    },
  ],
  [
    'clockJumpSec',
    {
      name: 'clock_jump_s',
      type: 'double',
      default: D.clockJumpSec,
      unit: 's',
      min: 0.01,
      max: 60,
      readOnly: true,
      description: 'a forward clock step larger than this is a jump',
    },
  ],
  [
    'limitEnabled',
    {
      name: 'limit_enabled',
      type: 'bool',
      default: D.limitEnabled,
      readOnly: true,
      description: 'scale violating proposals down instead of vetoing them',
    },
  ],
  [
    'limitBisectionSteps',
    {
      name: 'limit_bisection_steps',
      type: 'integer',
      default: D.limitBisectionSteps,
      min: 1,
      max: 30,
      readOnly: true,
      description: 'bisection steps on the scale factor',
    },
  ],
  [
    'limitMinScale',
    {
      name: 'limit_min_scale',
      type: 'double',
      default: D.limitMinScale,
      min: 0,
      max: 1,
      readOnly: true,
      description: 'below this scale, veto instead of limiting',
    },
  ],
  [
    'latchEnabled',
    {
      name: 'latch_enabled',
      type: 'bool',
      default: D.latchEnabled,
      readOnly: true,
      description: 'latch (brake until ~/reset) on hard violations or repeated vetoes',
    },
  ],
  [
    'latchOnHardViolation',
    {
      name: 'latch_on_hard_violation',
      type: 'bool',
      default: D.latchOnHardViolation,
      readOnly: true,
      description: 'latch when even the braking trajectory breaks a constraint',
    },
  ],
  [
    'latchVetoCount',
    {
      name: 'latch_veto_count',
      type: 'integer',
      default: D.latchVetoCount,
      min: 0,
      max: 1000,
      readOnly: true,
      description: 'latch after this many vetoes within latch_window_s; 0 = never',
    },
  ],
  [
    'latchWindowSec',
    {
      name: 'latch_window_s',
      type: 'double',
      default: D.latchWindowSec,
      unit: 's',
      min: 0,
      max: 600,
      readOnly: true,
      description: 'window for latch_veto_count',
    },
  ],
  [
    'cmdVelStamped',
    {
      name: 'cmd_vel_stamped',
      type: 'bool',
      default: false,
      readOnly: true,
      description: 'publish TwistStamped (true) or Twist (false) on the base command topic',
    },
  ],
  [
    'baseFrame',
    {
      name: 'base_frame',
      type: 'string',
      default: 'base_link',
      readOnly: true,
      description: 'frame of the base twist and verdicts',
    },
  ],
  [
    'odomFrame',
    {
      name: 'odom_frame',
      type: 'string',
      default: '',
      readOnly: true,
      description: "frame odometry and people must be in ('' = any)",
    },
  ],
  [
    'diagnosticsPeriodSec',
    {
      name: 'diagnostics_period_s',
      type: 'double',
      default: 1,
      unit: 's',
      min: 0.01,
      max: 60,
      readOnly: true,
      description: 'period of /diagnostics',
    },
  ],
];

/** Declares every parameter on the node and returns the frozen config; `stepSec` fills period_s = 0. */
export function declareMonitorParameters(node: NodeHandle, stepSec: number): Readonly<MonitorNodeConfig> {
  const cfg: Record<string, unknown> = {};
  for (const [key, descriptor] of MONITOR_PARAMETERS) cfg[key] = node.declareParameter(descriptor);
  if (cfg.periodSec === 0) cfg.periodSec = stepSec;
  const out = cfg as unknown as MonitorNodeConfig;
  if (!(out.periodSec > 0))
    throw new Error(`node '${node.name}': period_s is 0 and the constraint set step is ${stepSec} s`);
  return Object.freeze(out);
}
