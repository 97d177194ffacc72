/** The `~/reset` service: clears a latch only when every input is healthy and the robot can stop safely. */
import { checkInputHealth } from './health.js';
import type { MonitorInputs } from './inputs.js';
import { clearLatch } from './latch.js';
import type { MonitorState } from './state.js';
import type { MonitorConfig } from './types.js';

export interface ResetResult {
  success: boolean;
  message: string;
}

export function resetLatch(
  inputs: MonitorInputs,
  nowSec: number,
  cfg: MonitorConfig,
  state: MonitorState,
): ResetResult {
  if (!state.latch.latched) return { success: true, message: 'not latched' };
  const ids: string[] = [];
  if (checkInputHealth(inputs, nowSec, cfg, ids, state.health)) {
    return { success: false, message: `still latched: inputs not trustworthy (${ids.join(', ')})` };
  }
  inputs.world.stampSec = nowSec;
  const brake = state.scratch;
  state.constraints.brakingAction(inputs.world, brake);
  const ev = state.constraints.checkStopping(inputs.world, brake);
  if (!ev.feasible) {
    const detail = ev.violations[0]?.detail ?? 'braking trajectory infeasible';
    return { success: false, message: `still latched: the cause is not gone (${detail})` };
  }
  const cause = state.latch.cause;
  clearLatch(state.latch);
  return { success: true, message: `latch cleared (was: ${cause})` };
}
