import { describe, expect, it } from 'vitest';
import { boxZone } from '../../src/sim/scenario.js';
import { Simulator } from '../../src/sim/simulator.js';
import { ZoneTruth } from '../../src/sim/zone-truth.js';
import { URDF_XML, standingPersonScenario } from './fixtures.js';

/** The test room, nobody in it, and one keep-out zone x ≥ 1 m (a 1 m deep strip up to the wall). */
async function roomWithZone(): Promise<{ sim: Simulator; truth: ZoneTruth }> {
  const scenario = standingPersonScenario(3);
  scenario.people = [];
  scenario.keepOutZones = [boxZone('strip', 1, -5, 2, 5)];
  const sim = await Simulator.create(scenario, URDF_XML);
  return { sim, truth: new ZoneTruth(sim.scene, sim.robot.colliders, scenario.keepOutZones) };
}

function placeAt(sim: Simulator, xM: number, yawRad: number, jointPos = [0, 0, 0]): void {
  sim.robot.setJointPositions(jointPos);
  sim.robot.setBasePose(xM, 0, yawRad);
  sim.scene.step();
}

describe('keep-out ground truth from the engine', () => {
  it('sees the arm reach into a zone while the base centre stays out, and clears when turned away', async () => {
    const { sim, truth } = await roomWithZone();
    // base centre 0.5 m short of the zone, the straight arm reaches past x = 1 m
    placeAt(sim, 0.5, 0);
    expect(truth.robotInsideAny()).toBe(true);
    placeAt(sim, 0.5, Math.PI);
    expect(truth.robotInsideAny()).toBe(false);
    placeAt(sim, -1, 0);
    expect(truth.robotInsideAny()).toBe(false);
    placeAt(sim, 1.5, Math.PI);
    expect(truth.robotInsideAny()).toBe(true);
  });

  it('refuses a non-convex zone, naming it', async () => {
    const { sim } = await roomWithZone();
    const ell = {
      name: 'ell',
      polygon: [
        [0, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 2],
        [0, 2],
      ] as [number, number][],
    };
    expect(() => new ZoneTruth(sim.scene, sim.robot.colliders, [ell])).toThrow(
      /keep-out zone 'ell': the engine's zone test needs a convex polygon/,
    );
  });
});
