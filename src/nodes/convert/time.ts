/**
 * Time conversions, in one place: builtin_interfaces/Time ⇄ seconds, and rclnodejs's bigint
 * nanoseconds ⇄ seconds. A float64 of seconds keeps sub-microsecond resolution for Unix times,
 * which is enough for control-loop stamps.
 */
import type { Time } from '../../msgs/std.js';
import { MessageError, describeValue, finite } from './errors.js';

const NS_PER_S = 1_000_000_000;
const NS_PER_S_BIG = 1_000_000_000n;

/** Stamp → seconds; throws a MessageError for negative, non-integer or out-of-range fields. */
export function timeToSec(stamp: Time, topic = '?', field = 'header.stamp'): number {
  if (stamp === null || typeof stamp !== 'object')
    throw new MessageError(topic, field, 'a Time', describeValue(stamp));
  const sec = finite(topic, `${field}.sec`, stamp.sec);
  const nanosec = finite(topic, `${field}.nanosec`, stamp.nanosec);
  if (!Number.isInteger(sec)) throw new MessageError(topic, `${field}.sec`, 'an integer', String(sec));
  if (!Number.isInteger(nanosec) || nanosec < 0 || nanosec >= NS_PER_S) {
    throw new MessageError(topic, `${field}.nanosec`, 'an integer in [0, 999999999]', String(nanosec));
  }
  return sec + nanosec / NS_PER_S;
}

/** Seconds → stamp, written into `out` when given (no allocation). Rounds to the nearest nanosecond. */
export function secToTime(tSec: number, out: Time = { sec: 0, nanosec: 0 }): Time {
  if (!Number.isFinite(tSec))
    throw new RangeError(`secToTime: expected a finite time in seconds, got ${tSec}`);
  let sec = Math.floor(tSec);
  let nanosec = Math.round((tSec - sec) * NS_PER_S);
  if (nanosec >= NS_PER_S) {
    sec += 1;
    nanosec -= NS_PER_S;
  }
  out.sec = sec;
  out.nanosec = nanosec;
  return out;
}

/** rclnodejs nanoseconds (bigint) → seconds. */
export function nsToSec(ns: bigint): number {
  const whole = ns / NS_PER_S_BIG;
  const rest = ns - whole * NS_PER_S_BIG;
  return Number(whole) + Number(rest) / NS_PER_S;
}

/** Seconds → nanoseconds (bigint), rounded to the nearest nanosecond. */
export function secToNs(tSec: number): bigint {
  if (!Number.isFinite(tSec)) throw new RangeError(`secToNs: expected a finite time in seconds, got ${tSec}`);
  const sec = Math.floor(tSec);
  return BigInt(sec) * NS_PER_S_BIG + BigInt(Math.round((tSec - sec) * NS_PER_S));
}

/** rclnodejs nanoseconds → stamp, nanosecond-exact (nanosec stays in [0, 1e9) for negative times too). */
export function nsToTime(ns: bigint, out: Time = { sec: 0, nanosec: 0 }): Time {
  let sec = ns / NS_PER_S_BIG;
  let rest = ns - sec * NS_PER_S_BIG;
  if (rest < 0n) {
    sec -= 1n;
    rest += NS_PER_S_BIG;
  }
  out.sec = Number(sec);
  out.nanosec = Number(rest);
  return out;
}

/** Stamp → rclnodejs nanoseconds. */
export function timeToNs(stamp: Time): bigint {
  return BigInt(stamp.sec) * NS_PER_S_BIG + BigInt(stamp.nanosec);
}
