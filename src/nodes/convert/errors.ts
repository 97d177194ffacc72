/**
 * Bad messages are reported as a typed MessageError naming the topic, the field, what was expected and
 * what arrived. Nodes catch it, count it in diagnostics and drop the message; they never crash on input.
 */

export class MessageError extends Error {
  constructor(
    readonly topic: string,
    readonly field: string,
    readonly expected: string,
    readonly got: string,
  ) {
    super(`topic '${topic}': field '${field}': expected ${expected}, got ${got}`);
    this.name = 'MessageError';
  }
}

/** A conversion result as a value, for callers that prefer not to catch. */
export type Converted<T> = { ok: true; value: T } | { ok: false; error: MessageError };

/** Runs a throwing conversion and returns its result or its MessageError as a value (other errors propagate). */
export function tryConvert<T>(convert: () => T): Converted<T> {
  try {
    return { ok: true, value: convert() };
  } catch (err) {
    if (err instanceof MessageError) return { ok: false, error: err };
    throw err;
  }
}

/** Short, bounded description of an offending value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const n = (value as ArrayLike<unknown>).length;
    return `array of length ${n}`;
  }
  return typeof value;
}

/** Returns `value` as a finite number or throws a MessageError naming `field`. bigint is accepted (uint64 fields). */
export function finite(topic: string, field: string, value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new MessageError(topic, field, 'a finite number', describeValue(value));
  return n;
}

export function str(topic: string, field: string, value: unknown): string {
  if (typeof value !== 'string') throw new MessageError(topic, field, 'a string', describeValue(value));
  return value;
}

export function bool(topic: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new MessageError(topic, field, 'a bool', describeValue(value));
  return value;
}

/** An array-like of numbers (plain or typed array). */
export function numberArray(topic: string, field: string, value: unknown): ArrayLike<number> {
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    return value as ArrayLike<number>;
  }
  throw new MessageError(topic, field, 'an array of numbers', describeValue(value));
}

export function stringArray(topic: string, field: string, value: unknown): readonly string[] {
  if (!Array.isArray(value))
    throw new MessageError(topic, field, 'an array of strings', describeValue(value));
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string')
      throw new MessageError(topic, `${field}[${i}]`, 'a string', describeValue(value[i]));
  }
  return value as string[];
}

/** Checks the header's frame when the caller names one (empty `expectedFrame` = any frame). */
export function checkFrame(
  topic: string,
  field: string,
  frameId: unknown,
  expectedFrame: string | undefined,
): void {
  const frame = str(topic, field, frameId);
  if (expectedFrame !== undefined && expectedFrame !== '' && frame !== expectedFrame) {
    throw new MessageError(topic, field, `frame '${expectedFrame}'`, `'${frame}'`);
  }
}
