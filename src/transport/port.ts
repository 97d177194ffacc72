/**
 * The transport port: the only surface ROS nodes are written against. Two adapters implement it,
 * the in-process bus (one process, deterministic; simulator, embedded default, tests) and rclnodejs
 * (the real ROS 2 path). Nothing here imports either.
 */
import type { Observable } from 'rxjs';

export type Reliability = 'reliable' | 'best_effort';
export type Durability = 'volatile' | 'transient_local';

export interface QoS {
  reliability: Reliability;
  /** keep-last history depth */
  depth: number;
  durability: Durability;
}

/** Camera and joint states: newest data wins, losing one is fine (rclcpp's SensorDataQoS). */
export const QOS_SENSOR_DATA: Readonly<QoS> = Object.freeze({
  reliability: 'best_effort',
  depth: 5,
  durability: 'volatile',
});
/** Commands: reliable, only the newest matters. */
export const QOS_COMMAND: Readonly<QoS> = Object.freeze({
  reliability: 'reliable',
  depth: 1,
  durability: 'volatile',
});
/** Default for status topics. */
export const QOS_DEFAULT: Readonly<QoS> = Object.freeze({
  reliability: 'reliable',
  depth: 10,
  durability: 'volatile',
});
/** Static configuration and markers a late subscriber (rviz) should still get. */
export const QOS_LATCHED: Readonly<QoS> = Object.freeze({
  reliability: 'reliable',
  depth: 1,
  durability: 'transient_local',
});

export interface Publisher<T> {
  readonly topic: string;
  publish(msg: T): void;
  /** How many subscribers are matched now (markers are only built when someone listens). */
  subscriptionCount(): number;
}

export interface Timer {
  cancel(): void;
}

/** Time as the node sees it: wall time or simulation time (`use_sim_time`). */
export interface Clock {
  /** Seconds since the clock's epoch (Unix epoch for wall time, simulation start for sim time). */
  nowSec(): number;
  readonly isSimTime: boolean;
}

export type ParameterType = 'bool' | 'integer' | 'double' | 'string' | 'double_array' | 'string_array';

export type ParameterValue = boolean | number | string | number[] | string[];

export interface ParameterDescriptor<T extends ParameterValue = ParameterValue> {
  name: string;
  type: ParameterType;
  default: T;
  description: string;
  /** unit shown in docs and descriptors, e.g. "Hz", "m/s" */
  unit?: string;
  /** inclusive numeric range for integer/double */
  min?: number;
  max?: number;
  /** allowed values for strings */
  choices?: readonly string[];
  readOnly?: boolean;
}

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface TriggerResponse {
  success: boolean;
  message: string;
}

export interface NodeHandle {
  readonly name: string;
  readonly clock: Clock;
  readonly logger: Logger;
  createPublisher<T>(type: string, topic: string, qos?: QoS): Publisher<T>;
  /** Messages as an Observable; completes when the node is destroyed. */
  subscribe<T>(type: string, topic: string, qos?: QoS): Observable<T>;
  /** A timer on the node's clock (simulation time when `use_sim_time` is set). */
  createTimer(periodSec: number, callback: () => void): Timer;
  /** Declares a parameter, applies any override given at start, validates it, returns its value. */
  declareParameter<T extends ParameterValue>(descriptor: ParameterDescriptor<T>): T;
  /** A std_srvs/Trigger service, named relative to the node (`~/reset` → `/<node>/reset`). */
  createTriggerService(name: string, handler: () => TriggerResponse): void;
  destroy(): void;
}

export interface NodeOptions {
  /** Parameter values from a params file or the command line; validated at declaration. */
  parameterOverrides?: Readonly<Record<string, ParameterValue>>;
  useSimTime?: boolean;
  namespace?: string;
}

export interface Transport {
  createNode(name: string, options?: NodeOptions): NodeHandle;
  shutdown(): Promise<void>;
}
