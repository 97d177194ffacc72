/**
 * ROS 2 parameter files (the `--params-file` YAML of rcl):
 *
 *   /**:                      # every node (wildcards: * one name segment, ** any number of segments)
 *     ros__parameters:
 *       use_sim_time: true
 *   mpc_planner:              # the node `/mpc_planner` (a key without a leading slash is in the root namespace)
 *     ros__parameters:
 *       horizon: 12
 *       weights: { goal: 1.0 }  # nested maps flatten to dotted names: weights.goal
 *
 * Values are checked for the parameter types ROS supports (bool, integer, double, string and their
 * arrays); the node's own descriptors check ranges when it declares them. Patterns apply first,
 * exact node names after, so an exact entry wins over `/**`.
 */
import { parse } from 'yaml';
import type { ParameterValue } from '../transport/port.js';

export type ParamsFile = ReadonlyMap<string, Readonly<Record<string, ParameterValue>>>;

export class ParamsFileError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    detail: string,
  ) {
    super(`params file '${file}': ${key ? `key '${key}': ` : ''}${detail}`);
    this.name = 'ParamsFileError';
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function toValue(file: string, key: string, v: unknown): ParameterValue {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ParamsFileError(file, key, `expected a finite number, got ${v}`);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'number' && Number.isFinite(x))) return v as number[];
    if (v.every((x) => typeof x === 'string')) return v as string[];
    throw new ParamsFileError(file, key, 'expected an array of only numbers or only strings');
  }
  throw new ParamsFileError(
    file,
    key,
    `expected bool, number, string or an array, got ${v === null ? 'null' : typeof v}`,
  );
}

function flatten(
  file: string,
  prefix: string,
  map: Record<string, unknown>,
  out: Record<string, ParameterValue>,
): void {
  for (const [k, v] of Object.entries(map)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (isMap(v)) flatten(file, name, v, out);
    else out[name] = toValue(file, name, v);
  }
}

/** Parses a params file's text; `file` only names it in errors. */
export function parseParamsFile(text: string, file = '<params>'): ParamsFile {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new ParamsFileError(
      file,
      '',
      `not valid YAML: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (doc === null || doc === undefined) return new Map();
  if (!isMap(doc)) throw new ParamsFileError(file, '', 'expected a map of node names at the top level');
  const result = new Map<string, Record<string, ParameterValue>>();
  for (const [nodeKey, entry] of Object.entries(doc)) {
    if (!isMap(entry) || !isMap(entry.ros__parameters)) {
      throw new ParamsFileError(
        file,
        nodeKey,
        "expected a map with a 'ros__parameters' map (node_name: ros__parameters: ...)",
      );
    }
    const params: Record<string, ParameterValue> = {};
    flatten(file, '', entry.ros__parameters, params);
    result.set(nodeKey.startsWith('/') ? nodeKey : `/${nodeKey}`, params);
  }
  return result;
}

function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

/** The fully qualified node name, as matched against the keys: `/ns/name`. */
export function fullyQualifiedName(nodeName: string, namespace = ''): string {
  const ns = namespace.replace(/^\/+|\/+$/g, '');
  return ns ? `/${ns}/${nodeName}` : `/${nodeName}`;
}

/** The parameters a node gets from the file: matching patterns first, then its exact entry. */
export function parametersForNode(
  file: ParamsFile,
  nodeName: string,
  namespace = '',
): Record<string, ParameterValue> {
  const fqn = fullyQualifiedName(nodeName, namespace);
  const merged: Record<string, ParameterValue> = {};
  for (const [key, params] of file)
    if (key.includes('*') && patternToRegExp(key).test(fqn)) Object.assign(merged, params);
  const exact = file.get(fqn);
  if (exact) Object.assign(merged, exact);
  return merged;
}
