/** Parameter validation shared by both transports: one message format, naming node, parameter, expected and got. */
import type { ParameterDescriptor, ParameterValue } from './port.js';

export class ParameterError extends Error {
  constructor(
    readonly nodeName: string,
    readonly parameterName: string,
    detail: string,
  ) {
    super(`parameter '${parameterName}' of node '${nodeName}': ${detail}`);
    this.name = 'ParameterError';
  }
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `array [${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function rangeText(d: ParameterDescriptor): string {
  if (d.min === undefined && d.max === undefined) return '';
  return ` in [${d.min ?? '-inf'}, ${d.max ?? 'inf'}]${d.unit ? ` ${d.unit}` : ''}`;
}

function checkNumber(nodeName: string, d: ParameterDescriptor, value: number): void {
  if (!Number.isFinite(value))
    throw new ParameterError(nodeName, d.name, `expected a finite number, got ${value}`);
  if (d.type === 'integer' && !Number.isInteger(value)) {
    throw new ParameterError(nodeName, d.name, `expected an integer, got ${value}`);
  }
  if ((d.min !== undefined && value < d.min) || (d.max !== undefined && value > d.max)) {
    throw new ParameterError(nodeName, d.name, `expected ${d.type}${rangeText(d)}, got ${value}`);
  }
}

/** Returns the value if it fits the descriptor; throws a ParameterError that says what was expected otherwise. */
export function validateParameter<T extends ParameterValue>(
  nodeName: string,
  d: ParameterDescriptor<T>,
  value: unknown,
): T {
  const fail = (expected: string): never => {
    throw new ParameterError(nodeName, d.name, `expected ${expected}, got ${describeValue(value)}`);
  };
  switch (d.type) {
    case 'bool':
      if (typeof value !== 'boolean') fail('bool');
      break;
    case 'integer':
    case 'double':
      if (typeof value !== 'number') fail(`${d.type}${rangeText(d)}`);
      checkNumber(nodeName, d, value as number);
      break;
    case 'string':
      if (typeof value !== 'string') fail('string');
      if (d.choices && !d.choices.includes(value as string)) fail(`one of ${d.choices.join(' | ')}`);
      break;
    case 'double_array':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'number')) fail('double_array');
      for (const v of value as number[]) checkNumber(nodeName, d, v);
      break;
    case 'string_array':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail('string_array');
      break;
  }
  return value as T;
}

/** Resolves `~/name` against the node and a bare name against the namespace. */
export function resolveName(name: string, nodeName: string, namespace = ''): string {
  const ns = namespace.replace(/\/+$/, '');
  if (name.startsWith('~/')) return `${ns}/${nodeName}/${name.slice(2)}`;
  if (name.startsWith('/')) return name;
  return `${ns}/${name}`;
}
