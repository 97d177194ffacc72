/**
 * Input health: is every input seen, fresh and free of faults? Violation ids are prebuilt strings
 * ("stale:odom", "missing:people", …) so checking allocates nothing.
 */
import type { InputFault, InputSource, MonitorInputs } from './inputs.js';
import { INPUT_SOURCES } from './inputs.js';
import type { MonitorConfig } from './types.js';

type Cause = 'missing' | 'stale' | InputFault;
const CAUSES: readonly Cause[] = ['missing', 'stale', 'malformed', 'future_stamp', 'out_of_order'];

function buildIds(): Record<Cause, Record<InputSource | 'proposal', string>> {
  const table = {} as Record<Cause, Record<InputSource | 'proposal', string>>;
  for (const cause of CAUSES) {
    const row = {} as Record<InputSource | 'proposal', string>;
    for (const source of [...INPUT_SOURCES, 'proposal' as const]) row[source] = `${cause}:${source}`;
    table[cause] = row;
  }
  return table;
}

/** `VIOLATION_ID.stale.odom === 'stale:odom'` */
export const VIOLATION_ID = buildIds();

function timeoutOf(source: InputSource, cfg: MonitorConfig): number {
  switch (source) {
    case 'joint_states':
      return cfg.jointStatesTimeoutSec;
    case 'odom':
      return cfg.odomTimeoutSec;
    case 'people':
      return cfg.peopleTimeoutSec;
    case 'tool':
      return cfg.toolTimeoutSec;
  }
}

export interface HealthReport {
  /** a fault, missing or stale input was found */
  unhealthy: boolean;
  /** at least one source is faulty because of malformed data (vs merely stale or missing) */
  malformed: boolean;
  /** the first problem, in words */
  reason: string;
}

/** Appends one id per unhealthy source to `violated` and fills `out`; returns out.unhealthy. */
export function checkInputHealth(
  inputs: MonitorInputs,
  nowSec: number,
  cfg: MonitorConfig,
  violated: string[],
  out: HealthReport,
): boolean {
  out.unhealthy = false;
  out.malformed = false;
  out.reason = '';
  for (const source of INPUT_SOURCES) {
    const s = inputs.sources[source];
    let cause: Cause | null = null;
    if (s.fault !== null) cause = s.fault;
    else if (!s.seen) cause = 'missing';
    else {
      const timeoutSec = timeoutOf(source, cfg);
      if (timeoutSec > 0 && nowSec - s.stampSec > timeoutSec) cause = 'stale';
    }
    if (cause === null) continue;
    violated.push(VIOLATION_ID[cause][source]);
    if (cause === 'malformed') out.malformed = true;
    if (!out.unhealthy) out.reason = s.fault !== null ? s.faultDetail : VIOLATION_ID[cause][source];
    out.unhealthy = true;
  }
  return out.unhealthy;
}
