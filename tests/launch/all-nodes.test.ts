import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parametersForNode, parseParamsFile } from '../../src/nodes/params-file.js';
import type { RunningNode } from '../../src/nodes/registry.js';
import { NODE_NAMES, createLaunchContext, resolveNode } from '../../src/nodes/registry.js';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { setLogLevel } from '../../src/transport/logger.js';

setLogLevel('warn');
const TINY_MODEL = fileURLToPath(new URL('../fixtures/worldmodel/tiny', import.meta.url));
const file = parseParamsFile(readFileSync(new URL('../../config/params.yaml', import.meta.url), 'utf8'));

describe('every available node in one process (what `node all` does on ROS 2)', () => {
  it('starts with config/params.yaml on one bus, the nodes agreeing on every shared topic type', async () => {
    const bus = new InProcessBus({ time: 'sim' });
    const ctx = createLaunchContext();
    const running: RunningNode[] = [];
    const started: string[] = [];
    try {
      for (const name of NODE_NAMES) {
        const r = await resolveNode(name);
        if (!r.ok) throw new Error(r.reason);
        const params = parametersForNode(file, name);
        const overrides =
          'model_dir' in params ? { ...params, model_dir: TINY_MODEL, execution_providers: ['cpu'] } : params;
        // the bus throws when two nodes use one topic with different types
        running.push(await r.launch(bus.createNode(name, { parameterOverrides: overrides }), ctx));
        started.push(name);
      }
      bus.advanceTo(1);
    } finally {
      for (const r of running) r.stop();
      await bus.shutdown();
    }
    expect(started).toEqual(NODE_NAMES);
    const topics = bus.topicNames();
    expect(topics).toEqual(
      expect.arrayContaining(['/cmd_vel', '/mpc_planner/proposal', '/world_model/latent']),
    );
  });
});
