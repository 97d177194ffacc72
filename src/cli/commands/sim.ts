import type { Command } from '../command.js';

export const simCommand: Command = {
  name: 'sim',
  summary: 'Run a closed-loop scenario in the built-in physics simulator (the embedded default).',
  usage:
    'Usage: world-model-mpc sim --scenario coffee|knife|crossing|adversarial|explore [--seed N] [--duration S] [--planner mpc|baseline|oracle|corrupted] [--record FILE.mcap] [--report DIR] [--json]',
  async run() {
    console.error('world-model-mpc sim: not available yet; it lands with the simulator (issue 4).');
    return 3;
  },
};
