/**
 * parseConstraintConfig: YAML text → validated, defaulted, frozen ConstraintConfig. Errors name the key
 * path, the allowed range and the value found, e.g. `base.vMaxMps: allowed number in [0, 5] m/s, got 7`.
 */
import { parse as parseYaml } from 'yaml';
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import { ConfigError } from './api.js';
import type { ConstraintConfig } from './config.js';
import { CONSTRAINT_CONFIG_SCHEMA } from './config-schema.js';

const ajv = new Ajv({ useDefaults: true, verbose: true, allErrors: false, strict: true });
ajv.addKeyword({ keyword: 'unit', schemaType: 'string' });
const validate = ajv.compile(CONSTRAINT_CONFIG_SCHEMA);

export function parseConstraintConfig(yamlText: string): ConstraintConfig {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (e) {
    throw new ConfigError(`constraint config is not valid YAML: ${(e as Error).message}`);
  }
  return validateConstraintConfig(data ?? {});
}

/** Validates an already-parsed object (tests, programmatic configs); fills defaults on a copy. */
export function validateConstraintConfig(data: unknown): ConstraintConfig {
  const copy: unknown = data === undefined ? {} : structuredClone(data);
  if (!validate(copy)) throw new ConfigError(formatError(validate.errors?.[0]));
  const config = copy as ConstraintConfig;
  checkCrossFields(config);
  return deepFreeze(config);
}

export function defaultConstraintConfig(): ConstraintConfig {
  return validateConstraintConfig({});
}

function keyPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter((p) => p !== '');
  if (extra !== undefined) parts.push(extra);
  return parts.length === 0 ? '(top level)' : parts.join('.');
}

function allowed(schema: Record<string, unknown> | undefined): string {
  if (!schema) return '';
  if ('const' in schema) return `'${String(schema['const'])}' (zone types: box, polygon)`;
  const type = String(schema['type'] ?? 'value');
  const lo = schema['minimum'];
  const hi = schema['maximum'];
  const unit = schema['unit'] ? ` ${String(schema['unit'])}` : '';
  if (type === 'number' && lo !== undefined && hi !== undefined) return `number in [${lo}, ${hi}]${unit}`;
  if (type === 'array') {
    const n =
      schema['minItems'] === schema['maxItems'] ? `${schema['minItems']}` : `${schema['minItems'] ?? 0}+`;
    return `array of ${n} items`;
  }
  return type;
}

function formatError(e: ErrorObject | undefined): string {
  if (!e) return 'constraint config is invalid';
  const where = `constraint config key '${keyPath(e.instancePath)}'`;
  const got = JSON.stringify(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys((e.parentSchema?.['properties'] as object | undefined) ?? {}).join(', ');
      return `constraint config key '${keyPath(e.instancePath, extra)}' is unknown (allowed here: ${known})`;
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return `constraint config key '${keyPath(e.instancePath, missing)}' is required`;
    }
    case 'minItems':
    case 'maxItems':
      return `${where}: allowed ${allowed(e.parentSchema as Record<string, unknown>)}, got ${got}`;
    default:
      return `${where}: allowed ${allowed(e.parentSchema as Record<string, unknown>)}, got ${got}`;
  }
}

function checkCrossFields(c: ConstraintConfig): void {
  if (c.separation.humanSpeedNearMps < c.separation.humanSpeedFarMps) {
    throw new ConfigError(
      `constraint config key 'separation.humanSpeedNearMps': must be ≥ separation.humanSpeedFarMps (${c.separation.humanSpeedFarMps}), got ${c.separation.humanSpeedNearMps}`,
    );
  }
  const minHorizonSec = c.controlPeriodSec + c.separation.stoppingTimeSec;
  if (c.separation.worstCaseHorizonSec < minHorizonSec - 1e-9) {
    throw new ConfigError(
      `constraint config key 'separation.worstCaseHorizonSec': must be ≥ controlPeriodSec + separation.stoppingTimeSec (${minHorizonSec.toFixed(3)} s, what the monitor's check spans), got ${c.separation.worstCaseHorizonSec}`,
    );
  }
  if (c.tool.nearPersonSpeedMaxMps > c.tool.sharpSpeedMaxMps) {
    throw new ConfigError(
      `constraint config key 'tool.nearPersonSpeedMaxMps': must be ≤ tool.sharpSpeedMaxMps (${c.tool.sharpSpeedMaxMps}), got ${c.tool.nearPersonSpeedMaxMps}`,
    );
  }
  checkBox('toolWorkspace', c.toolWorkspace.minInBaseM, c.toolWorkspace.maxInBaseM);
  c.keepOutZones.zones.forEach((z, i) => {
    const path = `keepOutZones.zones.${i}`;
    if (z.type === 'box') checkBox(path, z.minInOdomM, z.maxInOdomM);
    else if (z.zMinM >= z.zMaxM) {
      throw new ConfigError(
        `constraint config key '${path}.zMinM': must be < zMaxM (${z.zMaxM}), got ${z.zMinM}`,
      );
    }
  });
  const names = c.keepOutZones.zones.map((z) => z.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined)
    throw new ConfigError(`constraint config key 'keepOutZones.zones': zone name '${dup}' is used twice`);
}

function checkBox(path: string, lo: readonly number[], hi: readonly number[]): void {
  const axes = ['x', 'y', 'z'];
  for (let i = 0; i < 3; i++) {
    if ((lo[i] as number) >= (hi[i] as number)) {
      throw new ConfigError(
        `constraint config key '${path}': min ${axes[i]} (${lo[i]}) must be below max ${axes[i]} (${hi[i]})`,
      );
    }
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
