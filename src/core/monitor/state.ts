/** The monitor's mutable state: one per node, allocated once; decide() reuses every buffer in it. */
import type { MonitorConstraints } from './constraints-seam.js';
import type { HealthReport } from './health.js';
import type { LatchState } from './latch.js';
import { createLatchState } from './latch.js';
import type { Decision, MonitorConfig, MonitorCounters, Proposal } from './types.js';

export interface MonitorState {
  readonly constraints: MonitorConstraints;
  readonly decision: Decision;
  readonly counters: MonitorCounters;
  readonly latch: LatchState;
  readonly health: HealthReport;
  /** the clock at the previous call [s], for jump detection */
  lastNowSec: number;
  /** stamp of the last proposal judged [s] */
  lastProposalStampSec: number;
  /** when a proposal (of any quality) last arrived [s]: the planner is alive */
  lastProposalSec: number;
  /** when a proposal was last executed (passed or limited) [s] */
  lastExecutedSec: number;
  /** the last decision executed a non-braking command */
  moving: boolean;
  /** the last executed non-braking command, which the robot holds until the next decision */
  readonly held: Float64Array;
  /** the braking command limiting blends from */
  readonly brake: Float64Array;
  /** scratch for the scaled command during limiting */
  readonly scratch: Float64Array;
}

export function createMonitorState(constraints: MonitorConstraints, cfg: MonitorConfig): MonitorState {
  const a = constraints.actionDim;
  if (a !== 2 + constraints.armJointNames.length) {
    throw new Error(
      `monitor: actionDim ${a} does not match 2 + ${constraints.armJointNames.length} arm joints`,
    );
  }
  return {
    constraints,
    decision: {
      kind: 'none',
      command: new Float64Array(a),
      scale: 0,
      violated: [],
      reason: '',
      forProposal: false,
    },
    counters: { passed: 0, limited: 0, vetoed: 0, stale: 0, malformed: 0, braking: 0, latchedDecisions: 0 },
    latch: createLatchState(cfg),
    health: { unhealthy: false, malformed: false, reason: '' },
    lastNowSec: Number.NaN,
    lastProposalStampSec: Number.NEGATIVE_INFINITY,
    lastProposalSec: Number.NEGATIVE_INFINITY,
    lastExecutedSec: Number.NEGATIVE_INFINITY,
    moving: false,
    held: new Float64Array(a),
    brake: new Float64Array(a),
    scratch: new Float64Array(a),
  };
}

/** The proposal buffer the node converts ActionCommand messages into (reused across messages). */
export function createProposal(actionDim: number): Proposal {
  return { stampSec: 0, planId: 0, action: new Float64Array(actionDim), error: null };
}
