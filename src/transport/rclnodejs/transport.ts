/**
 * Transport on rclnodejs: one rcl context for the process, every node spinning in it (so `node all`
 * is a component-container-style single process). `--ros-args` (remappings, -p, --log-level) go to rcl.
 */
import type { NodeHandle, NodeOptions, Transport } from '../port.js';
import type { Rcl } from './load.js';
import { loadRclnodejs } from './load.js';
import { RclNode } from './node.js';

export interface RclTransportOptions {
  /** process arguments for rcl, e.g. ['--ros-args', '-r', '/cmd_vel:=/diff_drive_controller/cmd_vel'] */
  argv?: string[];
}

export class RclTransport implements Transport {
  private readonly nodes = new Set<RclNode>();
  private closed = false;

  private constructor(private readonly rcl: Rcl) {}

  /** Loads rclnodejs and initialises rcl; throws RosUnavailableError when ROS 2 is not usable. */
  static async create(options: RclTransportOptions = {}): Promise<RclTransport> {
    const rcl = await loadRclnodejs();
    await rcl.init(undefined, options.argv ?? []);
    return new RclTransport(rcl);
  }

  createNode(name: string, options: NodeOptions = {}): NodeHandle {
    if (this.closed) throw new Error(`cannot create node '${name}': the ROS 2 transport is shut down`);
    const rclOptions = new this.rcl.NodeOptions();
    // use_sim_time is a node parameter in ROS 2; rclnodejs's TimeSource reads it from the overrides.
    // Left unset here, rcl's own `--ros-args -p use_sim_time:=true` / `--params-file` applies.
    if (options.useSimTime !== undefined) {
      rclOptions.parameterOverrides = [
        new this.rcl.Parameter('use_sim_time', 1 as never, options.useSimTime),
      ];
    }
    const node = this.rcl.createNode(name, options.namespace ?? '', undefined, rclOptions);
    const handle = new RclNode(this.rcl, node, name, options);
    node.spin();
    this.nodes.add(handle);
    return handle;
  }

  async shutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const node of this.nodes) node.destroy();
    this.nodes.clear();
    if (!this.rcl.isShutdown()) this.rcl.shutdown();
  }
}
