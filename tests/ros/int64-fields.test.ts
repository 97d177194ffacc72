import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '@foxglove/rosmsg';
import { INT64_LAYOUT, prepareForRcl } from '../../src/transport/rclnodejs/int64-fields.js';

const msgDir = new URL('../../msg/', import.meta.url);
const AC = 'world_model_mpc/msg/ActionCommand';

describe('64-bit integer fields for rclnodejs', () => {
  it('lists every int64/uint64 field of msg/*.msg and every field nesting such a type', () => {
    const withInts = new Set<string>();
    const defs = readdirSync(msgDir)
      .filter((f) => f.endsWith('.msg'))
      .map((f) => ({
        type: `world_model_mpc/msg/${f.slice(0, -4)}`,
        fields:
          parse(readFileSync(new URL(f, msgDir), 'utf8'), { ros2: true, skipTypeFixup: true })[0]
            ?.definitions ?? [],
      }));
    const expected: Record<string, string[]> = {};
    // two passes: direct 64-bit fields, then fields whose type has them (our messages nest one level)
    for (const d of defs) {
      const ints = d.fields
        .filter((f) => f.isConstant !== true && (f.type === 'int64' || f.type === 'uint64'))
        .map((f) => f.name);
      if (ints.length > 0) withInts.add(d.type);
      expected[d.type] = ints;
    }
    for (const d of defs) {
      for (const f of d.fields)
        if (f.isComplex === true && withInts.has(`world_model_mpc/msg/${f.type}`))
          expected[d.type]?.push(f.name);
    }
    const listed: Record<string, string[]> = {};
    for (const d of defs) {
      const l = INT64_LAYOUT[d.type];
      listed[d.type] = l
        ? [...l.ints, ...Object.keys(l.nested ?? {}), ...Object.keys(l.nestedArrays ?? {})]
        : [];
    }
    for (const t of Object.keys(expected)) expected[t]?.sort();
    for (const t of Object.keys(listed)) listed[t]?.sort();
    expect(listed).toEqual(expected);
  });

  it('turns numbers into bigints on a copy, nested commands included, leaving the original alone', () => {
    const cmd = { plan_id: 7, joint_names: [] };
    const plan = { plan_id: 7, actions: [cmd] };
    const out = prepareForRcl('world_model_mpc/msg/Plan', plan);
    expect(out.plan_id).toBe(7n);
    expect(out.actions[0]?.plan_id).toBe(7n);
    expect(plan.plan_id).toBe(7);
    expect(cmd.plan_id).toBe(7);
    const verdict = prepareForRcl('world_model_mpc/msg/SafetyVerdict', {
      proposed: { plan_id: 1 },
      executed: { plan_id: 2n },
    });
    expect([verdict.proposed.plan_id, verdict.executed.plan_id]).toEqual([1n, 2n]);
  });

  it('passes other types through untouched and refuses a fractional id', () => {
    const twist = { linear: { x: 1 } };
    expect(prepareForRcl('geometry_msgs/msg/Twist', twist)).toBe(twist);
    expect(() => prepareForRcl(AC, { plan_id: 1.5 })).toThrow(
      `${AC}.plan_id: expected an integer for a 64-bit field, got 1.5`,
    );
  });
});
