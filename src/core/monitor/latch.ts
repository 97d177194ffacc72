/**
 * Latching: once latched the monitor brakes until a reset finds the cause gone. Triggers: a hard
 * violation (the braking trajectory itself breaks a constraint) or `latchVetoCount` proposal vetoes
 * within `latchWindowSec` (a ring of veto times, allocated once).
 */
import type { MonitorConfig } from './types.js';

export interface LatchState {
  latched: boolean;
  cause: string;
  /** times of the last vetoes [s], a ring of latchVetoCount entries */
  readonly vetoTimesSec: Float64Array;
  head: number;
  count: number;
}

export function createLatchState(cfg: MonitorConfig): LatchState {
  return {
    latched: false,
    cause: '',
    vetoTimesSec: new Float64Array(Math.max(1, cfg.latchVetoCount)),
    head: 0,
    count: 0,
  };
}

export function latch(state: LatchState, cause: string): void {
  if (state.latched) return;
  state.latched = true;
  state.cause = cause;
}

/** Records one proposal veto; latches when the window holds latchVetoCount of them. Returns state.latched. */
export function recordVeto(state: LatchState, nowSec: number, cfg: MonitorConfig): boolean {
  if (!cfg.latchEnabled || cfg.latchVetoCount <= 0) return state.latched;
  const n = state.vetoTimesSec.length;
  state.vetoTimesSec[state.head] = nowSec;
  state.head = (state.head + 1) % n;
  if (state.count < n) state.count++;
  // the oldest of the last n vetoes sits where the next one will be written
  const oldestSec = state.vetoTimesSec[state.count < n ? 0 : state.head] as number;
  if (state.count >= cfg.latchVetoCount && nowSec - oldestSec <= cfg.latchWindowSec) {
    latch(state, `${cfg.latchVetoCount} vetoes within ${cfg.latchWindowSec} s`);
  }
  return state.latched;
}

export function clearLatch(state: LatchState): void {
  state.latched = false;
  state.cause = '';
  state.head = 0;
  state.count = 0;
}
