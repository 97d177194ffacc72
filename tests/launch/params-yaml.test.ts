import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parametersForNode, parseParamsFile } from '../../src/nodes/params-file.js';
import { NODE_NAMES } from '../../src/nodes/registry.js';
import { validateParameter } from '../../src/transport/parameters.js';
import { declaredParameters } from './declared-parameters.js';

// the launchers load a model: point them at the tiny fixture model so they run to the end on CPU
const TINY_MODEL = fileURLToPath(new URL('../fixtures/worldmodel/tiny', import.meta.url));

const file = parseParamsFile(
  readFileSync(new URL('../../config/params.yaml', import.meta.url), 'utf8'),
  'config/params.yaml',
);

const text = readFileSync(new URL('../../config/params.yaml', import.meta.url), 'utf8');

/** The value text of `key` in the `node:` section of params.yaml, comment stripped. */
function rawValue(node: string, key: string): string {
  const section = text.slice(text.indexOf(`\n${node}:`));
  const line = new RegExp(`^\\s+${key}:\\s*(.*)$`, 'm').exec(section)?.[1] ?? '';
  return line.replace(/#.*$/, '').trim();
}

function writtenAsDouble(raw: string): boolean {
  const items = raw.startsWith('[') ? raw.slice(1, -1).split(',') : [raw];
  return items.every((v) => /^-?\d*\.\d+(e-?\d+)?$|^-?\d+(\.\d*)?e-?\d+$/i.test(v.trim()));
}

describe('config/params.yaml matches what the nodes declare', () => {
  it('holds entries only for nodes that exist, plus the /** wildcard', () => {
    const known = new Set(['/**', ...NODE_NAMES.map((n) => `/${n}`)]);
    expect([...file.keys()].filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(NODE_NAMES)('names every parameter %s declares, with a value it accepts', async (name) => {
    const params = parametersForNode(file, name);
    const forTest =
      'model_dir' in params ? { ...params, model_dir: TINY_MODEL, execution_providers: ['cpu'] } : params;
    const declared = await declaredParameters(name, forTest);
    // a launcher that stops early (node not written yet, model files absent) still reports what it declared up to there
    const missing = declared.descriptors.filter((d) => !(d.name in params)).map((d) => d.name);
    expect(missing).toEqual([]);
    for (const d of declared.descriptors)
      expect(() => validateParameter(name, d, params[d.name])).not.toThrow();
    // the shipped file documents the defaults: a default changed in code must be changed here too
    const differing = declared.descriptors
      .filter((d) => JSON.stringify(params[d.name]) !== JSON.stringify(d.default))
      .map((d) => `${d.name}: file ${JSON.stringify(params[d.name])}, code ${JSON.stringify(d.default)}`);
    expect(differing).toEqual([]);
    // rcl types `1` as an integer and refuses it for a double parameter: doubles need a decimal point
    const doublesWithoutPoint = declared.descriptors
      .filter((d) => d.type === 'double' || d.type === 'double_array')
      .filter((d) => !writtenAsDouble(rawValue(name, d.name)))
      .map((d) => d.name);
    expect(doublesWithoutPoint).toEqual([]);
    if (declared.error === undefined) {
      const names = new Set(['use_sim_time', ...declared.descriptors.map((d) => d.name)]);
      expect(Object.keys(params).filter((k) => !names.has(k))).toEqual([]);
    }
  });
});
