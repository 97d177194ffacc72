/**
 * rclnodejs requires a bigint for every int64/uint64 field it serialises and throws a TypeError for a
 * number ("plan_id must be type of bigint"); the in-process bus and our nodes use numbers. Before a
 * message of ours goes to rcl, numbers in those fields are turned into bigints, on a shallow copy so
 * the caller's (possibly reused) message is left as it was. The table lists every 64-bit integer field
 * of msg/*.msg and is checked against the .msg files by tests/ros/int64-fields.test.ts.
 */

interface Int64Layout {
  /** 64-bit integer fields of this type */
  ints: readonly string[];
  /** fields holding one message of another listed type */
  nested?: Readonly<Record<string, string>>;
  /** fields holding an array of messages of another listed type */
  nestedArrays?: Readonly<Record<string, string>>;
}

export const INT64_LAYOUT: Readonly<Record<string, Int64Layout>> = {
  'world_model_mpc/msg/ActionCommand': { ints: ['plan_id'] },
  'world_model_mpc/msg/Plan': {
    ints: ['plan_id'],
    nestedArrays: { actions: 'world_model_mpc/msg/ActionCommand' },
  },
  'world_model_mpc/msg/SafetyVerdict': {
    ints: [],
    nested: { proposed: 'world_model_mpc/msg/ActionCommand', executed: 'world_model_mpc/msg/ActionCommand' },
  },
};

function toBigInt(type: string, field: string, v: unknown): unknown {
  if (typeof v !== 'number') return v;
  if (!Number.isSafeInteger(v))
    throw new TypeError(`${type}.${field}: expected an integer for a 64-bit field, got ${v}`);
  return BigInt(v);
}

/** The message as rclnodejs accepts it: unchanged for types without 64-bit integers. */
export function prepareForRcl<T>(type: string, msg: T): T {
  const layout = INT64_LAYOUT[type];
  if (!layout || msg === null || typeof msg !== 'object') return msg;
  const src = msg as Record<string, unknown>;
  const out: Record<string, unknown> = { ...src };
  for (const f of layout.ints) out[f] = toBigInt(type, f, src[f]);
  for (const [f, t] of Object.entries(layout.nested ?? {})) out[f] = prepareForRcl(t, src[f]);
  for (const [f, t] of Object.entries(layout.nestedArrays ?? {})) {
    const arr = src[f];
    if (Array.isArray(arr)) out[f] = arr.map((m: unknown) => prepareForRcl(t, m));
  }
  return out as T;
}
