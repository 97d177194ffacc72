/**
 * Builds the monitor's outgoing messages from a decision. Each publish gets fresh message objects:
 * the bus may still hold the previous ones, so nothing here is reused across publishes.
 */
import type { Decision, MonitorCounters, MonitorState } from '../../core/monitor/index.js';
import type { ActionCommand, SafetyVerdict } from '../../msgs/own.js';
import { VerdictState } from '../../msgs/own.js';
import type { DiagnosticArray, Header } from '../../msgs/std.js';
import { actionToActionCommand } from '../convert/index.js';
import { secToTime } from '../convert/index.js';

export function header(nowSec: number, frameId: string): Header {
  return { stamp: secToTime(nowSec), frame_id: frameId };
}

export function verdictState(d: Decision): number {
  switch (d.kind) {
    case 'pass':
    case 'none':
      return VerdictState.OK;
    case 'limit':
      return VerdictState.LIMITED;
    case 'veto':
      return VerdictState.STOPPED;
    case 'latched':
      return VerdictState.LATCHED;
  }
}

function reasonText(d: Decision): string {
  if (d.kind === 'limit') {
    return `${d.reason}; limited to ${(d.scale * 100).toFixed(1)} % of the way from braking to the proposal`;
  }
  if (d.kind === 'latched') return `latched (${d.reason}); call ~/reset once the cause is gone`;
  return d.reason;
}

export interface VerdictInput {
  decision: Decision;
  /** the proposal as judged (action in our joint order), or null on a watchdog tick */
  proposedAction: Float64Array | null;
  planId: number;
  jointNames: readonly string[];
  head: Header;
}

export function buildVerdict(v: VerdictInput): SafetyVerdict {
  const zero = new Float64Array(2 + v.jointNames.length);
  const proposed: ActionCommand = actionToActionCommand(
    v.proposedAction ?? zero,
    v.jointNames,
    v.head,
    v.planId,
  );
  const executed: ActionCommand = actionToActionCommand(v.decision.command, v.jointNames, v.head, v.planId);
  return {
    header: v.head,
    state: verdictState(v.decision),
    proposed,
    executed,
    violated: v.decision.violated.slice(),
    reason: reasonText(v.decision),
  };
}

const STATE_NAMES = ['OK', 'LIMITED', 'STOPPED', 'LATCHED'];
const DIAG_OK = 0;
const DIAG_WARN = 1;
const DIAG_ERROR = 2;

export function buildDiagnostics(
  nodeName: string,
  head: Header,
  state: MonitorState,
  lastVerdictState: number,
  lastReason: string,
): DiagnosticArray {
  const c: MonitorCounters = state.counters;
  const latched = state.latch.latched;
  const stateName = latched ? 'LATCHED' : (STATE_NAMES[lastVerdictState] ?? 'UNKNOWN');
  const level =
    latched || lastVerdictState === VerdictState.STOPPED
      ? DIAG_ERROR
      : lastVerdictState === VerdictState.LIMITED
        ? DIAG_WARN
        : DIAG_OK;
  const values: [string, string][] = [
    ['state', stateName],
    ['passed', String(c.passed)],
    ['limited', String(c.limited)],
    ['vetoed', String(c.vetoed)],
    ['stale', String(c.stale)],
    ['malformed', String(c.malformed)],
    ['braking', String(c.braking)],
    ['latched_decisions', String(c.latchedDecisions)],
    ['latch_cause', state.latch.cause],
    ['last_reason', lastReason],
  ];
  return {
    header: head,
    status: [
      {
        level,
        name: `${nodeName}: safety monitor`,
        message: latched ? `latched: ${state.latch.cause}` : stateName === 'OK' ? 'OK' : lastReason,
        hardware_id: nodeName,
        values: values.map(([key, value]) => ({ key, value })),
      },
    ],
  };
}
