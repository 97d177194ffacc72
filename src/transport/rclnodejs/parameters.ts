/**
 * Port parameter descriptors → rclnodejs Parameter / ParameterDescriptor (description with unit, range,
 * read-only), and rclnodejs values (integers are bigint) back to plain values for validateParameter.
 */
import type { Parameter, ParameterDescriptor as RclDescriptor, ParameterType as RclType } from 'rclnodejs';
import type { ParameterDescriptor, ParameterType, ParameterValue } from '../port.js';
import type { Rcl } from './load.js';

// rcl_interfaces/msg/ParameterType values (rclnodejs declares them as an ambient const enum)
const TYPE_CODE: Record<ParameterType, number> = {
  bool: 1,
  integer: 2,
  double: 3,
  string: 4,
  double_array: 8,
  string_array: 9,
};

export function rclTypeOf(type: ParameterType): RclType {
  return TYPE_CODE[type] as RclType;
}

function descriptionText(d: ParameterDescriptor): string {
  const unit = d.unit ? ` [${d.unit}]` : '';
  const choices = d.choices ? ` (one of: ${d.choices.join(', ')})` : '';
  return `${d.description}${unit}${choices}`;
}

/** ROS ranges need both ends; a one-sided range is completed with the type's widest value. */
function rangeOf(rcl: Rcl, d: ParameterDescriptor): RclDescriptor['rangeConstraint'] | undefined {
  if (d.min === undefined && d.max === undefined) return undefined;
  if (d.type === 'integer') {
    const lo = BigInt(d.min ?? Number.MIN_SAFE_INTEGER);
    const hi = BigInt(d.max ?? Number.MAX_SAFE_INTEGER);
    return new rcl.IntegerRange(lo, hi, 1n);
  }
  if (d.type === 'double' || d.type === 'double_array') {
    return new rcl.FloatingPointRange(d.min ?? -Number.MAX_VALUE, d.max ?? Number.MAX_VALUE, 0);
  }
  return undefined;
}

export function toRclDescriptor(rcl: Rcl, d: ParameterDescriptor): RclDescriptor {
  const range = rangeOf(rcl, d);
  return new rcl.ParameterDescriptor(
    d.name,
    rclTypeOf(d.type),
    descriptionText(d),
    d.readOnly ?? false,
    range,
  );
}

export function toRclParameter(rcl: Rcl, d: ParameterDescriptor, value: ParameterValue): Parameter {
  return new rcl.Parameter(d.name, rclTypeOf(d.type), value);
}

/** A parameter's value as the port sees it: bigint → number, typed arrays → plain arrays. */
export function fromRclValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map((v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  return value;
}
