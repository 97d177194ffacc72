/**
 * The decision: a pure function of (proposal, inputs, clock, config, state) that never throws and
 * allocates nothing on the pass path. Order of checks, most restrictive first:
 *   clock jump → latched → input health (missing, stale, faulty) → proposal watchdog (ticks) →
 *   proposal sanity (malformed, future, out of order, too old, non-finite) → stopping check →
 *   limit (largest safe scale) or veto (braking command).
 * Every braking decision names its cause in `violated` and `reason`.
 */
import type { Evaluation } from './constraints-seam.js';
import { checkInputHealth, VIOLATION_ID } from './health.js';
import type { MonitorInputs } from './inputs.js';
import { latch, recordVeto } from './latch.js';
import { largestSafeScale } from './limit.js';
import type { MonitorState } from './state.js';
import type { Decision, DecisionKind, MonitorConfig, MonitorCounters, Proposal } from './types.js';

export const CLOCK_JUMP_ID = 'clock_jump';
export const LATCHED_ID = 'latched';

type Counter = keyof MonitorCounters;

function begin(state: MonitorState, forProposal: boolean): Decision {
  const d = state.decision;
  d.violated.length = 0;
  d.forProposal = forProposal;
  d.reason = '';
  d.scale = 0;
  return d;
}

/** Executes the braking command for the current state. */
function brake(
  state: MonitorState,
  inputs: MonitorInputs,
  kind: DecisionKind,
  reason: string,
  counter: Counter,
): Decision {
  const d = state.decision;
  state.constraints.brakingAction(inputs.world, d.command);
  d.kind = kind;
  d.reason = reason;
  d.scale = 0;
  state.moving = false;
  state.counters[counter]++;
  return d;
}

/** A clock that goes backwards, is not finite or leaps forward: forget every input and brake. */
function clockJumped(
  state: MonitorState,
  inputs: MonitorInputs,
  nowSec: number,
  cfg: MonitorConfig,
): boolean {
  const last = state.lastNowSec;
  state.lastNowSec = nowSec;
  const jumped = !Number.isFinite(nowSec) || nowSec < last || nowSec - last > cfg.clockJumpSec;
  if (!jumped) return false;
  inputs.forgetAll();
  state.lastProposalStampSec = Number.NEGATIVE_INFINITY;
  state.lastProposalSec = Number.NEGATIVE_INFINITY;
  state.lastExecutedSec = Number.NEGATIVE_INFINITY;
  return true;
}

function pushViolationIds(violated: string[], ev: Evaluation): void {
  for (const v of ev.violations) if (!violated.includes(v.constraintId)) violated.push(v.constraintId);
}

function firstDetail(ev: Evaluation): string {
  const v = ev.violations[0];
  return v ? v.detail : 'stopping trajectory infeasible';
}

/**
 * Judges one proposal, or (proposal = null) runs the watchdog at the control period. Returns the
 * state's decision object; kind 'none' means "nothing to publish" (a healthy tick).
 */
export function decide(
  proposal: Proposal | null,
  inputs: MonitorInputs,
  nowSec: number,
  cfg: MonitorConfig,
  state: MonitorState,
): Decision {
  const d = begin(state, proposal !== null);
  if (state.lastNowSec !== state.lastNowSec) state.lastNowSec = nowSec; // first call: NaN, no jump to detect
  if (clockJumped(state, inputs, nowSec, cfg)) {
    d.violated.push(CLOCK_JUMP_ID);
    return brake(state, inputs, 'veto', `clock jumped to ${nowSec} s; waiting for fresh inputs`, 'stale');
  }
  inputs.world.stampSec = nowSec;
  if (state.latch.latched) {
    d.violated.push(LATCHED_ID);
    return brake(state, inputs, 'latched', state.latch.cause, 'latchedDecisions');
  }
  if (checkInputHealth(inputs, nowSec, cfg, d.violated, state.health)) {
    return brake(state, inputs, 'veto', state.health.reason, state.health.malformed ? 'malformed' : 'stale');
  }
  if (proposal === null) return watchdogTick(state, inputs, nowSec, cfg);
  return judgeProposal(proposal, state, inputs, nowSec, cfg);
}

/**
 * The tick: brake when the planner went quiet; keep braking after a veto until a proposal passes; and
 * re-check the command the robot is holding against the current world (a person may have stepped
 * closer since it passed), since a passed command is only verified for one period.
 */
function watchdogTick(
  state: MonitorState,
  inputs: MonitorInputs,
  nowSec: number,
  cfg: MonitorConfig,
): Decision {
  const d = state.decision;
  const timeoutSec = cfg.proposalTimeoutPeriods * cfg.periodSec;
  if (nowSec - state.lastProposalSec > timeoutSec) {
    const cause = state.lastProposalSec === Number.NEGATIVE_INFINITY ? 'missing' : 'stale';
    d.violated.push(VIOLATION_ID[cause].proposal);
    return brake(state, inputs, 'veto', `no proposal for ${cfg.proposalTimeoutPeriods} periods`, 'stale');
  }
  if (!state.moving)
    return brake(state, inputs, 'veto', 'braking after a veto until a proposal passes', 'braking');
  if (state.constraints.stoppable(inputs.world, state.held)) {
    d.kind = 'none';
    return d;
  }
  // only now build the evaluation (it allocates) for the reason
  const ev = state.constraints.checkStopping(inputs.world, state.held);
  pushViolationIds(d.violated, ev);
  return brake(state, inputs, 'veto', firstDetail(ev), 'vetoed');
}

/** Sanity of the proposal message itself; returns true (and brakes) when it cannot be judged. */
function refuseProposal(
  p: Proposal,
  state: MonitorState,
  inputs: MonitorInputs,
  nowSec: number,
  cfg: MonitorConfig,
): boolean {
  const d = state.decision;
  const ids = VIOLATION_ID;
  let reason = '';
  let counter: Counter = 'malformed';
  if (p.error !== null) reason = p.error;
  else if (p.action.length !== state.constraints.actionDim)
    reason = 'proposal has the wrong number of values';
  else if (!Number.isFinite(p.stampSec)) reason = `proposal stamp is ${p.stampSec}`;
  else if (p.stampSec > nowSec + cfg.futureToleranceSec) {
    d.violated.push(ids.future_stamp.proposal);
    reason = 'proposal stamped in the future';
  } else if (p.stampSec < state.lastProposalStampSec) {
    d.violated.push(ids.out_of_order.proposal);
    reason = 'proposal older than one already judged';
    counter = 'stale';
  } else if (nowSec - p.stampSec > cfg.proposalMaxAgeSec) {
    d.violated.push(ids.stale.proposal);
    reason = 'proposal too old';
    counter = 'stale';
  } else {
    for (let i = 0; i < p.action.length; i++)
      if (!Number.isFinite(p.action[i] as number)) reason = 'non-finite value in proposal';
  }
  if (reason === '') return false;
  if (d.violated.length === 0) d.violated.push(ids.malformed.proposal);
  brake(state, inputs, 'veto', reason, counter);
  if (counter === 'malformed') recordVeto(state.latch, nowSec, cfg);
  return true;
}

function judgeProposal(
  p: Proposal,
  state: MonitorState,
  inputs: MonitorInputs,
  nowSec: number,
  cfg: MonitorConfig,
): Decision {
  const d = state.decision;
  state.lastProposalSec = nowSec;
  if (refuseProposal(p, state, inputs, nowSec, cfg)) return d;
  state.lastProposalStampSec = p.stampSec;
  const constraints = state.constraints;
  if (constraints.stoppable(inputs.world, p.action)) {
    d.command.set(p.action);
    d.kind = 'pass';
    d.reason = 'ok';
    d.scale = 1;
    return executed(state, nowSec, 'passed');
  }
  const ev = constraints.checkStopping(inputs.world, p.action);
  pushViolationIds(d.violated, ev);
  const reason = firstDetail(ev);
  if (cfg.limitEnabled) {
    constraints.brakingAction(inputs.world, state.brake);
    const scale = largestSafeScale(
      constraints,
      inputs.world,
      state.brake,
      p.action,
      cfg.limitBisectionSteps,
      state.scratch,
    );
    if (scale >= cfg.limitMinScale) {
      d.command.set(state.scratch);
      d.kind = 'limit';
      d.reason = reason;
      d.scale = scale;
      return executed(state, nowSec, 'limited');
    }
  }
  brake(state, inputs, 'veto', reason, 'vetoed');
  recordVeto(state.latch, nowSec, cfg);
  if (cfg.latchEnabled && cfg.latchOnHardViolation) {
    const brakeEv = constraints.checkStopping(inputs.world, d.command);
    if (!brakeEv.feasible) latch(state.latch, `hard violation: ${firstDetail(brakeEv)}`);
  }
  return d;
}

function executed(state: MonitorState, nowSec: number, counter: Counter): Decision {
  state.held.set(state.decision.command);
  state.lastExecutedSec = nowSec;
  state.moving = true;
  state.counters[counter]++;
  return state.decision;
}
