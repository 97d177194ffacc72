import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageDefinition } from '@foxglove/message-definition';
import { ros2jazzy } from '@foxglove/rosmsg-msgs-common';
import { MsgType } from '../../src/msgs/types.js';
import { PlanStatus, VerdictState } from '../../src/msgs/own.js';
import { checkConsistency, readMsgFile, readTsInterfaces } from './msg-checker.js';

const PKG = 'world_model_mpc';
const msgDir = new URL('../../msg/', import.meta.url);
const stdText = readFileSync(new URL('../../src/msgs/std.ts', import.meta.url), 'utf8');
const ownText = readFileSync(new URL('../../src/msgs/own.ts', import.meta.url), 'utf8');

function ownDefinitions(override?: { file: string; text: string }): Map<string, MessageDefinition> {
  const defs = new Map<string, MessageDefinition>();
  for (const file of readdirSync(msgDir).filter((f) => f.endsWith('.msg'))) {
    const text = override?.file === file ? override.text : readFileSync(new URL(file, msgDir), 'utf8');
    const typeName = file.replace(/\.msg$/, '');
    defs.set(`${PKG}/${typeName}`, readMsgFile(PKG, typeName, text));
  }
  return defs;
}

function allDefinitions(override?: { file: string; text: string }): Map<string, MessageDefinition> {
  const defs = new Map<string, MessageDefinition>(Object.entries(ros2jazzy) as [string, MessageDefinition][]);
  for (const [name, def] of ownDefinitions(override)) defs.set(name, def);
  return defs;
}

const interfaces = (std = stdText, own = ownText) => [
  ...readTsInterfaces(std, 'std.ts'),
  ...readTsInterfaces(own, 'own.ts'),
];

describe('message definitions and TypeScript shapes agree', () => {
  it('finds no difference between msg/*.msg, ROS 2 standard messages and src/msgs', () => {
    // every interface of src/msgs names a ROS type, so every one of them is compared
    expect(
      interfaces()
        .filter((i) => i.rosName === undefined)
        .map((i) => i.tsName),
    ).toEqual([]);
    expect(checkConsistency(interfaces(), allDefinitions())).toEqual([]);
  });

  it('has a TS interface for every .msg file of the package', () => {
    const rosNames = new Set(interfaces().map((i) => i.rosName));
    const missing = [...ownDefinitions().keys()].filter((n) => !rosNames.has(n));
    expect(missing).toEqual([]);
  });

  it('has a TS interface for every message type the transports name', () => {
    const rosNames = new Set(interfaces().map((i) => i.rosName));
    const missing = Object.values(MsgType)
      .map((t) => t.replace('/msg/', '/'))
      .filter((t) => !rosNames.has(t));
    expect(missing).toEqual([]);
  });

  it('reports a field renamed in a .msg file', () => {
    const text = readFileSync(new URL('ToolState.msg', msgDir), 'utf8').replace(
      'bool sharp',
      'bool is_sharp',
    );
    expect(checkConsistency(interfaces(), allDefinitions({ file: 'ToolState.msg', text }))).toEqual([
      "world_model_mpc/ToolState vs ToolState: field 'is_sharp' is in the .msg but not in the TS interface",
      "world_model_mpc/ToolState vs ToolState: field 'sharp' is in the TS interface but not in the .msg",
    ]);
  });

  it('reports a field renamed in the TS interfaces of our own messages', () => {
    const own = ownText.replace('  radius: number;', '  radius_m: number;');
    expect(checkConsistency(interfaces(stdText, own), allDefinitions())).toEqual([
      "world_model_mpc/TrackedPerson vs TrackedPerson: field 'radius' is in the .msg but not in the TS interface",
      "world_model_mpc/TrackedPerson vs TrackedPerson: field 'radius_m' is in the TS interface but not in the .msg",
    ]);
  });

  it('reports a field renamed in the TS interfaces of standard messages', () => {
    const std = stdText.replace(
      '  child_frame_id: string;\n  pose: PoseWithCovariance;',
      '  child_frame: string;\n  pose: PoseWithCovariance;',
    );
    const problems = checkConsistency(interfaces(std, ownText), allDefinitions());
    expect(problems).toContain(
      "nav_msgs/Odometry vs Odometry: field 'child_frame_id' is in the .msg but not in the TS interface",
    );
  });

  it('reports a field whose type changed', () => {
    const text = readFileSync(new URL('TrackedPerson.msg', msgDir), 'utf8').replace(
      'float64 radius',
      'string radius',
    );
    expect(checkConsistency(interfaces(), allDefinitions({ file: 'TrackedPerson.msg', text }))).toEqual([
      "world_model_mpc/TrackedPerson vs TrackedPerson: field 'radius' (string) expected TS string, got number",
    ]);
  });

  it('reports fields in another order', () => {
    const own = ownText.replace('  held: boolean;\n  sharp: boolean;', '  sharp: boolean;\n  held: boolean;');
    expect(checkConsistency(interfaces(stdText, own), allDefinitions())).toEqual([
      'world_model_mpc/ToolState vs ToolState: field order differs: .msg [header, tool_name, held, sharp], TS [header, tool_name, sharp, held]',
    ]);
  });
});

describe('message constants and their TypeScript enums agree', () => {
  const constants = (file: string, prefix: string): Record<string, number> => {
    const def = readMsgFile(PKG, file, readFileSync(new URL(`${file}.msg`, msgDir), 'utf8'));
    const out: Record<string, number> = {};
    for (const f of def.definitions)
      if (f.isConstant === true) out[f.name.replace(prefix, '')] = Number(f.value);
    return out;
  };

  it('Plan STATUS_* equals PlanStatus', () => {
    expect(constants('Plan', 'STATUS_')).toEqual({ ...PlanStatus });
  });

  it('SafetyVerdict STATE_* equals VerdictState', () => {
    expect(constants('SafetyVerdict', 'STATE_')).toEqual({ ...VerdictState });
  });
});
