import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, wantsHelp } from '../command.js';
import { findPackageRoot } from '../../nodes/registry.js';
import type { ParameterValue } from '../../transport/port.js';

const USAGE =
  'Usage: world-model-mpc replay BAG.mcap [--out plans.mcap] [--model DIR] [--config FILE] [--oracle-goal X,Y,YAW] [--param NAME=VALUE]...';

function parseParams(raw: readonly string[]): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const p of raw) {
    const i = p.indexOf('=');
    if (i <= 0) throw new UsageError(`--param: expected NAME=VALUE, got '${p}'`);
    const v = p.slice(i + 1);
    out[p.slice(0, i)] =
      v === 'true' || v === 'false' ? v === 'true' : Number.isFinite(Number(v)) && v !== '' ? Number(v) : v;
  }
  return out;
}

function parseGoal(raw: string | undefined): { xM: number; yM: number; yawRad: number } | undefined {
  if (raw === undefined) return undefined;
  const v = raw.split(',').map(Number);
  if (v.length !== 3 || v.some((x) => !Number.isFinite(x))) {
    throw new UsageError(`--oracle-goal: expected X,Y,YAW (metres, metres, radians), got '${raw}'`);
  }
  return { xM: v[0] as number, yM: v[1] as number, yawRad: v[2] as number };
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Run encoder + planner open-loop over a rosbag2 MCAP recording and write the plans beside it.',
  usage: USAGE,
  async run(argv) {
    if (wantsHelp(argv)) {
      console.log(
        `${USAGE}\n\n${this.summary}\nWithout --out the output is BAG.plans.mcap. --oracle-goal plans on odometry with the analytic model instead of the ONNX encoder.`,
      );
      return 0;
    }
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        model: { type: 'string' },
        config: { type: 'string' },
        'oracle-goal': { type: 'string' },
        param: { type: 'string', multiple: true },
      },
    });
    const bag = positionals[0];
    if (bag === undefined || positionals.length > 1) throw new UsageError(`expected one BAG.mcap; ${USAGE}`);
    const { replayBag } = await import('../../nodes/mpc-planner/replay.js');
    const oracleGoal = parseGoal(values['oracle-goal']);
    const r = await replayBag({
      bagPath: bag,
      outPath: values.out ?? bag.replace(/\.mcap$/, '') + '.plans.mcap',
      packageRoot: findPackageRoot(),
      modelDir: values.model ?? 'models/jepa-sim',
      constraintsFile: values.config ?? 'config/constraints.yaml',
      ...(oracleGoal ? { oracleGoal } : {}),
      plannerParams: parseParams(values.param ?? []),
    });
    const st = Object.entries(r.statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`replayed ${r.messagesIn} messages, ${r.plans} plans (${st || 'none'}) → ${r.outPath}`);
    return 0;
  },
};
