import { describe, expect, it } from 'vitest';
import type { LatentSpec, Observation, WorldModel } from '../../src/core/worldmodel/world-model.js';
import { imageSpec } from '../worldmodel/image-spec.js';
import { energyMap, steps } from '../../src/sim/energy-map.js';
import { Simulator } from '../../src/sim/simulator.js';
import { URDF_XML, standingPersonScenario } from './fixtures.js';

const IMAGE = imageSpec(4, 4);

/** z = the 4×4 image itself (48 values): latent distance is plain image distance */
class PixelModel implements WorldModel {
  readonly spec: LatentSpec = { latentDim: 48, actionDim: 5, stepSec: 0.1, modelId: 'pixels' };
  readonly provider = 'test';
  encode(obs: Observation, out: Float32Array): Promise<void> {
    out.set(obs.imageHwc.subarray(0, 48));
    return Promise.resolve();
  }
  rollout(): Promise<void> {
    return Promise.reject(new Error('not used'));
  }
  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

describe('energy map', () => {
  it('is zero at the goal and at the end of the start → goal line, positive elsewhere', async () => {
    const scenario = { ...standingPersonScenario(2), people: [] };
    const sim = await Simulator.create(scenario, URDF_XML);
    const map = await energyMap(sim, new PixelModel(), IMAGE, {
      xsM: [1, 3],
      ysM: [2, 0],
      lineFractions: [0, 0.5, 1],
    });
    sim.dispose();
    // goal at (3, 0): row y = 0, column x = 3
    expect(map.grid[1]?.[1]).toBe(0);
    expect(map.grid[0]?.[0]).toBeGreaterThan(0);
    expect(map.grid[1]?.[0]).toBeGreaterThan(0);
    expect(map.line[2]).toBe(0);
    expect(map.line[0]).toBeGreaterThan(0);
  });

  it('spaces grid values evenly, ends included', () => {
    expect(steps(-1, 1, 0.5)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });
});
