import type { Command } from './command.js';
import { UsageError, wantsHelp } from './command.js';
import { benchCommand } from './commands/bench.js';
import { checkConfigCommand } from './commands/check-config.js';
import { energyMapCommand } from './commands/energy-map.js';
import { nodeCommand } from './commands/node.js';
import { replayCommand } from './commands/replay.js';
import { simCommand } from './commands/sim.js';

export const commands: readonly Command[] = [
  simCommand,
  replayCommand,
  energyMapCommand,
  benchCommand,
  checkConfigCommand,
  nodeCommand,
];

function topLevelHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: world-model-mpc <command> [options]',
    '',
    'Objective-driven robot control: JEPA world model + safety-constrained MPC + safety monitor.',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'world-model-mpc <command> --help' for a command's options.",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(topLevelHelp());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(
      `world-model-mpc: unknown command '${name}' (expected one of: ${commands.map((c) => c.name).join(', ')})`,
    );
    return 2;
  }
  if (wantsHelp(rest)) {
    console.log(`${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`world-model-mpc ${name}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
