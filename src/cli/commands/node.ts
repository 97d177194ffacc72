import type { Command } from '../command.js';

export const nodeCommand: Command = {
  name: 'node',
  summary: 'Run one node (observation_encoder, mpc_planner, safety_monitor, simulator) on ROS 2 through rclnodejs.',
  usage:
    'Usage: world-model-mpc node <observation_encoder|mpc_planner|safety_monitor|simulator|all> [--params-file FILE] [--ros-args ...]',
  async run() {
    console.error('world-model-mpc node: not available yet; it lands with the ROS 2 integration (issue 8).');
    return 3;
  },
};
