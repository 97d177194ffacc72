import type { Command } from '../command.js';

export const checkConfigCommand: Command = {
  name: 'check-config',
  summary: 'Load a URDF and a constraint config, print the robot model, link poses and the validated constraints.',
  usage: 'Usage: world-model-mpc check-config --urdf FILE [--config FILE] [--fk joint=value,...] [--json]',
  async run() {
    console.error('world-model-mpc check-config: not available yet; it lands with the constraint library (issue 3).');
    return 3;
  },
};
