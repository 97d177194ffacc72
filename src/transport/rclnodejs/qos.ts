/** Maps the port's QoS onto rclnodejs's QoS class (keep-last history, depth, reliability, durability). */
import type { QoS as RclQoS } from 'rclnodejs';
import type { QoS } from '../port.js';
import type { Rcl } from './load.js';

// rclnodejs declares these as enums in an ambient module; the numeric values are rmw's (rmw/types.h).
const HISTORY_KEEP_LAST = 1;
const RELIABILITY = { reliable: 1, best_effort: 2 } as const;
const DURABILITY = { transient_local: 1, volatile: 2 } as const;

export function toRclQos(rcl: Rcl, qos: QoS): RclQoS {
  if (!Number.isInteger(qos.depth) || qos.depth < 1) {
    throw new RangeError(`QoS depth: expected an integer ≥ 1, got ${qos.depth}`);
  }
  return new rcl.QoS(
    HISTORY_KEEP_LAST as RclQoS.HistoryPolicy,
    qos.depth,
    RELIABILITY[qos.reliability] as RclQoS.ReliabilityPolicy,
    DURABILITY[qos.durability] as RclQoS.DurabilityPolicy,
  );
}
