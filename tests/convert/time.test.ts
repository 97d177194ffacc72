import { describe, expect, it } from 'vitest';
import {
  MessageError,
  nsToSec,
  nsToTime,
  secToNs,
  secToTime,
  timeToNs,
  timeToSec,
} from '../../src/nodes/convert/index.js';

describe('time conversions', () => {
  it('turns a stamp into seconds and back', () => {
    expect(timeToSec({ sec: 12, nanosec: 500_000_000 })).toBe(12.5);
    expect(secToTime(12.25)).toEqual({ sec: 12, nanosec: 250_000_000 });
  });

  it('carries a rounded-up nanosecond count into the seconds', () => {
    // 0.9999999999 s rounds to 1e9 ns, which must become 1 s and 0 ns
    expect(secToTime(0.9999999999)).toEqual({ sec: 1, nanosec: 0 });
  });

  it('writes into the given stamp instead of allocating', () => {
    const out = { sec: 0, nanosec: 0 };
    expect(secToTime(3.5, out)).toBe(out);
    expect(out).toEqual({ sec: 3, nanosec: 500_000_000 });
  });

  it('converts rclnodejs bigint nanoseconds exactly', () => {
    expect(nsToSec(1_500_000_000n)).toBe(1.5);
    expect(secToNs(2.000000001)).toBe(2_000_000_001n);
    expect(nsToTime(1_700_000_000_123_456_789n)).toEqual({ sec: 1_700_000_000, nanosec: 123_456_789 });
    expect(timeToNs({ sec: 1_700_000_000, nanosec: 123_456_789 })).toBe(1_700_000_000_123_456_789n);
  });

  it('keeps nanosec non-negative for times before the epoch', () => {
    expect(nsToTime(-1n)).toEqual({ sec: -1, nanosec: 999_999_999 });
  });

  it('rejects a nanosec field out of range, naming topic and field', () => {
    expect(() => timeToSec({ sec: 1, nanosec: 1_000_000_000 }, '/odom')).toThrow(MessageError);
    expect(() => timeToSec({ sec: 1, nanosec: 1_000_000_000 }, '/odom')).toThrow(
      "topic '/odom': field 'header.stamp.nanosec': expected an integer in [0, 999999999], got 1000000000",
    );
    expect(() => timeToSec({ sec: Number.NaN, nanosec: 0 }, '/odom')).toThrow(/header\.stamp\.sec.*finite/);
  });
});
