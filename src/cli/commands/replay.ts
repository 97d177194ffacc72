import type { Command } from '../command.js';

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Run encoder + planner open-loop over a rosbag2 MCAP recording and write the plans beside it.',
  usage: 'Usage: world-model-mpc replay BAG.mcap [--out plans.mcap] [--model DIR] [--config FILE]',
  async run() {
    console.error('world-model-mpc replay: not available yet; it lands with the MPC planner (issue 6).');
    return 3;
  },
};
