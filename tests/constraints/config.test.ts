import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  defaultConstraintConfig,
  parseConstraintConfig,
} from '../../src/core/constraints/index.js';
import { readRepoFile } from '../fixtures/urdf/builders.js';

describe('constraint config', () => {
  it('fills every default from the schema when the file is empty', () => {
    const c = parseConstraintConfig('');
    expect(c.controlPeriodSec).toBe(0.1);
    expect(c.separation).toMatchObject({
      humanSpeedFarMps: 1.6,
      humanSpeedNearMps: 2.0,
      humanSpeedSwitchDistanceM: 0.5,
    });
    expect(c.tool.sharpSpeedMaxMps).toBe(0.25);
    expect(c.keepOutZones.zones).toEqual([]);
    expect(Object.isFrozen(c.base)).toBe(true);
  });

  it('reads the package config with its four zones', () => {
    const c = parseConstraintConfig(readRepoFile('config/constraints.yaml'));
    expect(c.keepOutZones.zones.map((z) => z.type)).toEqual(['polygon', 'box', 'box', 'polygon']);
    expect(c.joints.overrides['arm_elbow_pitch']).toEqual({ accelLimit: 4 });
  });

  it('names the key, the allowed range and the value for an out-of-range number', () => {
    expect(() => parseConstraintConfig('base:\n  vMaxMps: 7\n')).toThrow(
      "constraint config key 'base.vMaxMps': allowed number in [0, 5] m/s, got 7",
    );
  });

  it('names an unknown key and lists the known ones', () => {
    expect(() => parseConstraintConfig('separation:\n  reactionTime: 0.1\n')).toThrow(
      /key 'separation.reactionTime' is unknown \(allowed here: enabled, humanSpeedFarMps/,
    );
  });

  it('names a missing zone field by its index', () => {
    const text = 'keepOutZones:\n  zones:\n    - { name: dock, type: box, minInOdomM: [0, 0, 0] }\n';
    expect(() => parseConstraintConfig(text)).toThrow(
      "constraint config key 'keepOutZones.zones.0.maxInOdomM' is required",
    );
  });

  it('rejects a wrong type and a short vector', () => {
    expect(() => parseConstraintConfig('controlPeriodSec: fast\n')).toThrow(
      /'controlPeriodSec': allowed number in \[0.005, 1\] s, got "fast"/,
    );
    expect(() => parseConstraintConfig('toolWorkspace:\n  minInBaseM: [0, 0]\n')).toThrow(
      /'toolWorkspace.minInBaseM': allowed array of 3 items, got \[0,0\]/,
    );
  });

  it('checks cross-field rules with both values in the message', () => {
    expect(() => parseConstraintConfig('separation:\n  humanSpeedNearMps: 1.0\n')).toThrow(
      /humanSpeedNearMps': must be ≥ separation.humanSpeedFarMps \(1.6\), got 1/,
    );
    const box =
      'keepOutZones:\n  zones:\n    - { name: z, type: box, minInOdomM: [1, 0, 0], maxInOdomM: [0, 1, 1] }\n';
    expect(() => parseConstraintConfig(box)).toThrow(
      /keepOutZones.zones.0': min x \(1\) must be below max x \(0\)/,
    );
  });

  it('reports YAML syntax errors as ConfigError', () => {
    expect(() => parseConstraintConfig('base: [\n')).toThrow(ConfigError);
  });

  it('gives a usable default config', () => {
    expect(defaultConstraintConfig().base.vMaxMps).toBe(0.8);
  });
});
