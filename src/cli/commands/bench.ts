import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import '../../bench/all.js';
import { benchmarks } from '../../bench/registry.js';

export const benchCommand: Command = {
  name: 'bench',
  summary:
    'Run the benchmark suite and print its figures (speed and memory targets live here, not in tests).',
  usage: 'Usage: world-model-mpc bench [--only NAME[,NAME...]] [--quick] [--json]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { only: { type: 'string' }, quick: { type: 'boolean' }, json: { type: 'boolean' } },
      strict: true,
    });
    const all = benchmarks();
    const wanted = values.only?.split(',').map((s) => s.trim());
    const unknown = wanted?.filter((w) => !all.some((b) => b.name === w)) ?? [];
    if (unknown.length > 0) {
      throw new UsageError(
        `--only: unknown benchmark ${unknown.join(', ')} (known: ${all.map((b) => b.name).join(', ')})`,
      );
    }
    for (const b of all) {
      if (wanted && !wanted.includes(b.name)) continue;
      if (!wanted && b.onlyWhenNamed) {
        console.error(`${b.name}: skipped (long-running; run it with --only ${b.name})`);
        continue;
      }
      const figures = await b.run({ quick: values.quick === true });
      if (values.json) console.log(JSON.stringify({ name: b.name, ...figures }));
      else {
        const text = Object.entries(figures)
          .map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toPrecision(4) : v}`)
          .join('  ');
        console.log(`${b.name.padEnd(12)} ${text}   (${b.description})`);
      }
    }
    return 0;
  },
};
