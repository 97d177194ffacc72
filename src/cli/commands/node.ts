import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import type { ParamsFile } from '../../nodes/params-file.js';
import { parametersForNode, parseParamsFile } from '../../nodes/params-file.js';
import type { Resolved, RunningNode } from '../../nodes/registry.js';
import { NODE_NAMES, createLaunchContext, resolveNode } from '../../nodes/registry.js';
import type { Transport } from '../../transport/port.js';

interface NodeArgs {
  names: string[];
  paramsFile: ParamsFile;
  rosArgs: string[];
}

/** Splits `--ros-args ...` (handed to rcl untouched) from our own flags. */
export function parseNodeArgs(argv: string[]): NodeArgs {
  const split = argv.indexOf('--ros-args');
  const own = split < 0 ? argv : argv.slice(0, split);
  const rosArgs = split < 0 ? [] : argv.slice(split);
  const { values, positionals } = parseArgs({
    args: own,
    options: { 'params-file': { type: 'string' } },
    allowPositionals: true,
  });
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError(`expected a node name: ${[...NODE_NAMES, 'all'].join(' | ')}`);
  if (extra.length > 0) throw new UsageError(`expected one node name, got also: ${extra.join(' ')}`);
  if (name !== 'all' && !NODE_NAMES.includes(name)) {
    throw new UsageError(`unknown node '${name}' (expected one of: ${[...NODE_NAMES, 'all'].join(', ')})`);
  }
  const file = values['params-file'];
  let paramsFile: ParamsFile = new Map();
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(
        `--params-file: cannot read '${file}': ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    paramsFile = parseParamsFile(text, file);
  }
  return { names: name === 'all' ? [...NODE_NAMES] : [name], paramsFile, rosArgs };
}

function waitForSignal(): Promise<string> {
  return new Promise((done) => {
    const onSignal = (sig: string) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done(sig);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function startAll(transport: Transport, resolved: Resolved[], args: NodeArgs): Promise<RunningNode[]> {
  const ctx = createLaunchContext();
  const running: RunningNode[] = [];
  for (const r of resolved) {
    if (!r.ok) continue;
    const overrides = parametersForNode(args.paramsFile, r.entry.name);
    const simTime = overrides.use_sim_time;
    const node = transport.createNode(r.entry.name, {
      parameterOverrides: overrides,
      ...(typeof simTime === 'boolean' ? { useSimTime: simTime } : {}),
    });
    running.push(await r.launch(node, ctx));
  }
  return running;
}

export const nodeCommand: Command = {
  name: 'node',
  summary:
    'Run one node (observation_encoder, mpc_planner, safety_monitor, simulator) or all of them in one process on ROS 2.',
  usage: `Usage: world-model-mpc node <${[...NODE_NAMES, 'all'].join('|')}> [--params-file FILE] [--ros-args ...]`,
  async run(argv) {
    let args: NodeArgs;
    try {
      args = parseNodeArgs(argv);
    } catch (err) {
      if (err instanceof UsageError) throw err;
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    const resolved = await Promise.all(args.names.map((n) => resolveNode(n)));
    const reportMissing = (): boolean => {
      for (const r of resolved) if (!r.ok) console.error(`world-model-mpc node: ${r.reason}`);
      return resolved.some((r) => !r.ok);
    };
    const { RclTransport, RosUnavailableError } = await import('../../transport/rclnodejs/index.js');
    let transport: Transport;
    try {
      transport = await RclTransport.create({ argv: args.rosArgs });
    } catch (err) {
      if (!(err instanceof RosUnavailableError)) throw err;
      console.error(`world-model-mpc node: ${err.message}`);
      reportMissing();
      return 3;
    }
    // never run a partial set: a planner without its monitor would command the robot unchecked
    if (reportMissing()) {
      await transport.shutdown();
      return 3;
    }
    let running: RunningNode[] = [];
    try {
      running = await startAll(transport, resolved, args);
      await waitForSignal();
      return 0;
    } finally {
      for (const r of running.reverse()) r.stop();
      await transport.shutdown();
    }
  },
};
