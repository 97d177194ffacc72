import { describe, expect, it, vi } from 'vitest';
import { NODE_NAMES, createLaunchContext, findPackageRoot, resolveNode } from '../../src/nodes/registry.js';
import { nodeCommand, parseNodeArgs } from '../../src/cli/commands/node.js';
import { UsageError } from '../../src/cli/command.js';

const notFound = async (): Promise<Record<string, unknown>> => {
  throw Object.assign(new Error('Cannot find module'), { code: 'ERR_MODULE_NOT_FOUND' });
};

describe('node registry', () => {
  it('names the runnable nodes', () => {
    expect(NODE_NAMES).toEqual([
      'observation_encoder',
      'mpc_planner',
      'goal_sequencer',
      'safety_monitor',
      'simulator',
    ]);
  });

  it('reports a node whose module is missing as not available yet', async () => {
    const r = await resolveNode('mpc_planner', notFound);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toBe(
        "node 'mpc_planner' is not available yet: cannot load ./mpc-planner.js (Cannot find module)",
      );
  });

  it('reports a module without its launcher, saying which export is missing', async () => {
    const r = await resolveNode('safety_monitor', async () => ({ startSafetyMonitor: () => ({}) }));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toMatch(/exports startSafetyMonitor but has no launchSafetyMonitor\(node, ctx\)/);
  });

  it('returns the launcher when the module provides it', async () => {
    const launchSimulator = () => ({ stop() {} });
    const r = await resolveNode('simulator', async (spec) => {
      expect(spec).toBe('../sim/sim-node.js');
      return { launchSimulator };
    });
    expect(r.ok && r.launch).toBe(launchSimulator);
  });

  it('lets errors other than a missing module through', async () => {
    await expect(
      resolveNode('simulator', async () => Promise.reject(new SyntaxError('bad code'))),
    ).rejects.toThrow('bad code');
  });

  it('finds the package root holding package.json and reads files relative to it', () => {
    const root = findPackageRoot();
    const ctx = createLaunchContext(root);
    expect(ctx.readText('package.json')).toMatch(/"name": "world-model-mpc"/);
    expect(ctx.resolvePath('/abs/x.yaml')).toBe('/abs/x.yaml');
    expect(() => ctx.readText('no/such/file.yaml')).toThrow(/cannot read '.*no\/such\/file\.yaml'/);
  });
});

describe('world-model-mpc node arguments', () => {
  it('hands everything after --ros-args to rcl untouched', () => {
    const args = parseNodeArgs([
      'mpc_planner',
      '--ros-args',
      '-r',
      '/cmd_vel:=/base/cmd_vel',
      '-p',
      'horizon:=3',
    ]);
    expect(args.names).toEqual(['mpc_planner']);
    expect(args.rosArgs).toEqual(['--ros-args', '-r', '/cmd_vel:=/base/cmd_vel', '-p', 'horizon:=3']);
  });

  it('expands all to every node', () => {
    expect(parseNodeArgs(['all']).names).toEqual(NODE_NAMES);
  });

  it('rejects an unknown node and an unreadable params file with a usage error', () => {
    expect(() => parseNodeArgs(['planner'])).toThrow(UsageError);
    expect(() => parseNodeArgs(['all', '--params-file', '/no/such.yaml'])).toThrow(
      /--params-file: cannot read '\/no\/such\.yaml'/,
    );
  });
});

describe('world-model-mpc node without ROS 2', () => {
  it('exits with code 3 and tells the user to source ROS 2 and rebuild rclnodejs', async () => {
    const saved = process.env.AMENT_PREFIX_PATH;
    delete process.env.AMENT_PREFIX_PATH;
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    try {
      expect(await nodeCommand.run(['all'])).toBe(3);
    } finally {
      spy.mockRestore();
      if (saved !== undefined) process.env.AMENT_PREFIX_PATH = saved;
    }
    expect(errors[0]).toMatch(
      /ROS 2 environment not found: source \/opt\/ros\/<distro>\/setup\.bash and run `npm rebuild rclnodejs`/,
    );
  });
});
