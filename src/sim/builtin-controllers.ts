/** Registers the controllers that ship with the simulator: baseline, corrupted, explore. */
import { BaselineController } from '../nodes/baseline-controller.js';
import { registerController } from './controllers.js';
import { createCorruptedController } from './corrupted-controller.js';
import { createExploreController } from './explore-controller.js';
import { SIM_BASE_LIMITS } from './robot.js';

registerController({
  name: 'baseline',
  description: 'go-to-goal that ignores the world model and people (reference point, not safe)',
  create(ctx) {
    const c = new BaselineController(ctx.transport, {
      jointNames: ctx.model.armJointNames,
      goal: ctx.scenario.goal,
      rateHz: 10,
      vMaxMps: 0.6 * SIM_BASE_LIMITS.vMaxMps,
      wMaxRadps: 1.0,
      qdMaxRadps: 0.8,
      accelMps2: 0.5,
      angAccelRadps2: 1.5,
      jointAccelRadps2: 2.0,
    });
    return { status: () => 'baseline', dispose: () => c.destroy() };
  },
});

registerController({
  name: 'corrupted',
  description: 'proposes unsafe commands on purpose (exercises the safety monitor)',
  create: createCorruptedController,
});

registerController({
  name: 'explore',
  description: 'random limit-respecting actions for training data',
  create: (ctx) => createExploreController(ctx),
});

registerController({
  name: 'explore_drive',
  description: 'training data: drives to far random waypoints, with the explore noise on top',
  create: (ctx) => createExploreController(ctx, { drive: true }),
});
