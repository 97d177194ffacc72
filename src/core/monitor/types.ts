/**
 * Types of the safety monitor core: its configuration, the proposal it judges, the decision it returns.
 * No ROS messages here; src/nodes/safety-monitor converts at the edge.
 */
import type { Evaluation } from './constraints-seam.js';

/** Frozen monitor configuration (declared once as ROS parameters in src/nodes/safety-monitor/params.ts). */
export interface MonitorConfig {
  /** watchdog and control period [s] */
  periodSec: number;
  /** brake when no proposal was executed for this many periods */
  proposalTimeoutPeriods: number;
  /** a proposal whose header stamp is older than this is refused [s] */
  proposalMaxAgeSec: number;
  /** joint states older than this are stale [s] */
  jointStatesTimeoutSec: number;
  /** odometry older than this is stale [s] */
  odomTimeoutSec: number;
  /** people older than this are stale [s] */
  peopleTimeoutSec: number;
  /** tool state older than this is stale [s]; 0 = seen once is enough (a latched topic) */
  toolTimeoutSec: number;
  /** a stamp this far ahead of the clock is a fault [s] */
  futureToleranceSec: number;
  /** the clock moving forward by more than this between two calls is a jump [s] */
  clockJumpSec: number;
  /** scale a violating proposal down instead of vetoing it */
  limitEnabled: boolean;
  /** bisection steps on the scale factor (resolution 2^-steps) */
  limitBisectionSteps: number;
  /** scale factors below this are not worth executing: veto instead */
  limitMinScale: number;
  latchEnabled: boolean;
  /** latch when the braking trajectory itself violates a constraint (the robot can no longer stop safely) */
  latchOnHardViolation: boolean;
  /** latch after this many proposal vetoes within `latchWindowSec`; 0 = never on count */
  latchVetoCount: number;
  latchWindowSec: number;
}

export const DEFAULT_MONITOR_CONFIG: Readonly<MonitorConfig> = Object.freeze({
  periodSec: 0.1,
  proposalTimeoutPeriods: 3,
  proposalMaxAgeSec: 0.3,
  jointStatesTimeoutSec: 0.2,
  odomTimeoutSec: 0.2,
  peopleTimeoutSec: 0.3,
  toolTimeoutSec: 0,
  futureToleranceSec: 0.05,
  clockJumpSec: 1,
  limitEnabled: true,
  limitBisectionSteps: 10,
  limitMinScale: 0.02,
  latchEnabled: true,
  latchOnHardViolation: false,
  latchVetoCount: 20,
  latchWindowSec: 2,
});

/** A planner proposal in core form; the node converts the ActionCommand message into it. */
export interface Proposal {
  /** header stamp [s] */
  stampSec: number;
  planId: number;
  /** [vMps, wRadps, qd_0..] in the constraint set's joint order; length = actionDim */
  action: Float64Array;
  /** set when the message could not be converted (unknown joint, wrong length, NaN…); the monitor vetoes it */
  error: string | null;
}

export type DecisionKind = 'pass' | 'limit' | 'veto' | 'latched' | 'none';

/** One decision. Owned by the MonitorState and overwritten by the next call: copy what you keep. */
export interface Decision {
  kind: DecisionKind;
  /** the executed command (the proposal, scaled, or the braking command); meaningless when kind = 'none' */
  command: Float64Array;
  /** where the command lies between braking (0) and the proposal (1) */
  scale: number;
  /** constraint ids or watchdog causes, e.g. "separation", "stale:odom" */
  violated: string[];
  /** one line saying why */
  reason: string;
  /** true when this decision judged a proposal (not a watchdog tick) */
  forProposal: boolean;
}

export interface MonitorCounters {
  passed: number;
  limited: number;
  vetoed: number;
  stale: number;
  malformed: number;
  /** ticks that kept braking after a veto, until a proposal passed */
  braking: number;
  latchedDecisions: number;
}

export type { Evaluation };
