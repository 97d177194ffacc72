/**
 * `world-model-mpc check-config --urdf FILE [--config FILE] [--fk joint=value,...] [--json]`
 * Loads a URDF and a constraint config, prints joints, chains, link poses at the given joint values and the
 * validated constraint set. Errors name the file and the location; the exit code is 1.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { Kinematics, loadUrdf, UrdfError } from '../../core/robot/index.js';
import type { RobotModel } from '../../core/robot/index.js';
import {
  BodyModel,
  ConfigError,
  createConstraintSet,
  defaultConstraintConfig,
  parseConstraintConfig,
  resolveJointLimits,
} from '../../core/constraints/index.js';
import type { ConstraintConfig } from '../../core/constraints/index.js';

function readText(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--${flag}: cannot read '${file}': ${(e as Error).message}`);
  }
}

function parseFk(raw: string | undefined, kin: Kinematics): Record<string, number> {
  const values: Record<string, number> = {};
  if (raw === undefined || raw.trim() === '') return values;
  for (const pair of raw.split(',')) {
    const [name, text] = pair.split('=').map((s) => s.trim());
    if (!name || text === undefined) throw new UsageError(`--fk: expected joint=value, got '${pair}'`);
    if (!kin.variableJointNames.includes(name)) {
      throw new UsageError(
        `--fk: '${name}' is not a movable joint (movable: ${kin.variableJointNames.join(', ')})`,
      );
    }
    const v = Number(text);
    if (!Number.isFinite(v)) throw new UsageError(`--fk: ${name}: expected a number, got '${text}'`);
    values[name] = v;
  }
  return values;
}

/** Every root→leaf path of link names. */
export function chains(model: RobotModel): string[][] {
  const kids = new Map<string, string[]>();
  for (const j of model.jointsInTreeOrder) kids.set(j.parent, [...(kids.get(j.parent) ?? []), j.child]);
  const out: string[][] = [];
  const walk = (link: string, path: string[]): void => {
    const next = kids.get(link) ?? [];
    if (next.length === 0) out.push([...path, link]);
    for (const c of next) walk(c, [...path, link]);
  };
  walk(model.rootLink, []);
  return out;
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const round = (v: number): number => Math.round(v * 1e9) / 1e9;

export function describeRobot(
  model: RobotModel,
  cfg: ConstraintConfig,
  fk: Record<string, number>,
  kin: Kinematics,
) {
  const poses = kin.poses(fk);
  const set = createConstraintSet(model, cfg);
  const lim = resolveJointLimits(model, model.armJointNames, cfg);
  const body = new BodyModel(model, model.armJointNames);
  return {
    robot: model.name,
    rootLink: model.rootLink,
    meshUris: model.meshUris,
    jointValues: Object.fromEntries(kin.variableJointNames.map((n) => [n, fk[n] ?? 0])),
    joints: [...model.joints.values()].map((j) => ({
      name: j.name,
      type: j.type,
      parent: j.parent,
      child: j.child,
      axis: [...j.axis],
      lower: finiteOrNull(j.limits.lower),
      upper: finiteOrNull(j.limits.upper),
      velocity: finiteOrNull(j.limits.velocity),
      effort: finiteOrNull(j.limits.effort),
      ...(j.mimic ? { mimic: j.mimic } : {}),
    })),
    chains: chains(model),
    links: Object.fromEntries(
      Object.entries(poses).map(([n, p]) => [n, { xyz: p.xyz.map(round), quat: p.quat.map(round) }]),
    ),
    constraints: {
      armJointNames: set.armJointNames,
      actionDim: set.actionDim,
      stepSec: set.stepSec,
      jointLimits: Object.fromEntries(
        model.armJointNames.map((n, j) => [
          n,
          {
            lower: finiteOrNull(lim.lower[j] as number),
            upper: finiteOrNull(lim.upper[j] as number),
            velocity: finiteOrNull(lim.vel[j] as number),
            accel: finiteOrNull(lim.acc[j] as number),
          },
        ]),
      ),
      bodyParts: body.names.map((name, i) => ({ name, radiusM: round(body.radiusM[i] as number) })),
      horizontalReachM: round(body.horizontalReachM),
      config: cfg,
    },
  };
}

function printText(d: ReturnType<typeof describeRobot>): void {
  const num = (v: number | null): string => (v === null ? '-' : String(+v.toPrecision(6)));
  console.log(
    `robot '${d.robot}'  root ${d.rootLink}  ${d.joints.length} joints  ${Object.keys(d.links).length} links`,
  );
  if (d.meshUris.length > 0) console.log(`meshes (named, not loaded): ${d.meshUris.join(', ')}`);
  console.log('\njoints (type, parent → child, axis, lower, upper, velocity, effort):');
  for (const j of d.joints) {
    const mimic = j.mimic ? `  mimic ${j.mimic.joint}×${j.mimic.multiplier}+${j.mimic.offset}` : '';
    console.log(
      `  ${j.name.padEnd(24)} ${j.type.padEnd(10)} ${j.parent} → ${j.child}  axis [${j.axis.join(' ')}]  ${num(j.lower)} ${num(j.upper)} ${num(j.velocity)} ${num(j.effort)}${mimic}`,
    );
  }
  console.log('\nchains (root → leaf):');
  for (const c of d.chains) console.log(`  ${c.join(' → ')}`);
  const q = Object.entries(d.jointValues).map(([n, v]) => `${n}=${v}`);
  console.log(
    `\nlink poses in ${d.rootLink} at ${q.length > 0 ? q.join(', ') : 'no movable joints'} (xyz [m], quat [x y z w]):`,
  );
  for (const [n, p] of Object.entries(d.links)) {
    console.log(
      `  ${n.padEnd(24)} [${p.xyz.map((v) => v.toFixed(4)).join(' ')}]  [${p.quat.map((v) => v.toFixed(4)).join(' ')}]`,
    );
  }
  const c = d.constraints;
  console.log(
    `\nconstraints: actions [vMps, wRadps, ${c.armJointNames.join(', ')}] held ${c.stepSec} s each`,
  );
  for (const [n, l] of Object.entries(c.jointLimits)) {
    console.log(
      `  ${n.padEnd(24)} position [${num(l.lower)}, ${num(l.upper)}] (margin applied)  velocity ${num(l.velocity)}  accel ${num(l.accel)}`,
    );
  }
  console.log(
    `  body parts (capsules): ${c.bodyParts.map((b) => `${b.name} r=${b.radiusM.toFixed(3)}`).join(', ')}`,
  );
  console.log(`  horizontal reach ${c.horizontalReachM.toFixed(3)} m`);
  console.log(`  config: ${JSON.stringify(c.config, null, 2).replace(/\n/g, '\n  ')}`);
}

export const checkConfigCommand: Command = {
  name: 'check-config',
  summary:
    'Load a URDF and a constraint config, print the robot model, link poses and the validated constraints.',
  usage: 'Usage: world-model-mpc check-config --urdf FILE [--config FILE] [--fk joint=value,...] [--json]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        urdf: { type: 'string' },
        config: { type: 'string' },
        fk: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    });
    if (values.urdf === undefined) throw new UsageError('--urdf FILE is required');
    const urdfText = readText('urdf', values.urdf);
    const configText = values.config === undefined ? undefined : readText('config', values.config);
    try {
      const model = loadUrdf(urdfText);
      const cfg = configText === undefined ? defaultConstraintConfig() : parseConstraintConfig(configText);
      const kin = new Kinematics(model);
      const d = describeRobot(model, cfg, parseFk(values.fk, kin), kin);
      if (values.json) console.log(JSON.stringify(d));
      else printText(d);
      return 0;
    } catch (e) {
      if (e instanceof UrdfError) console.error(`world-model-mpc check-config: ${values.urdf}: ${e.message}`);
      else if (e instanceof ConfigError)
        console.error(`world-model-mpc check-config: ${values.config ?? '(defaults)'}: ${e.message}`);
      else throw e;
      return 1;
    }
  },
};
