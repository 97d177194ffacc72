import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { MetricsCollector } from '../../src/sim/metrics.js';
import type { RunSummary } from '../../src/sim/metrics.js';
import { Simulator } from '../../src/sim/simulator.js';
import type { Scenario } from '../../src/sim/scenario.js';
import { URDF_XML, approachingPersonScenario, standingPersonScenario } from './fixtures.js';

/** Runs `steps` physics steps under a fixed command, sampling metrics every 0.1 s (5 steps). */
async function summarize(scenario: Scenario, command: number[], steps: number): Promise<RunSummary> {
  const sim = await Simulator.create(scenario, URDF_XML);
  const bus = new InProcessBus({ time: 'sim' });
  const metrics = new MetricsCollector(bus, sim, 0.1);
  const cmd = Float64Array.from(command);
  for (let k = 1; k <= steps; k++) {
    sim.step(cmd);
    metrics.afterStep();
    if (k % 5 === 0) metrics.sample();
  }
  const summary = metrics.summary({ scenario: 'test', seed: 0, planner: 'fixed', monitor: 'none' });
  metrics.destroy();
  await bus.shutdown();
  sim.dispose();
  return summary;
}

describe('scenario metrics split by robot motion', () => {
  it('counts contacts and separation violations when the robot drives into a standing person', async () => {
    // the robot moves from the first step on (0.03 m/s after 0.02 s), so nothing is robot-stationary
    const s = await summarize(standingPersonScenario(1.5), [0.5, 0, 0, 0, 0], 125);
    expect(s.contacts).toBeGreaterThanOrEqual(1);
    expect(s.separation_violations).toBeGreaterThan(0);
    expect(s.contacts_robot_stationary).toBe(0);
    expect(s.inside_separation_not_approaching).toBe(0);
  });

  it('counts a person walking into the stopped robot only as robot-stationary', async () => {
    // the person arrives at 1.7 s and stays inside the base box: every sample from 1.8 s to 3.0 s
    // (13 of them) has a negative gap, below any protective separation distance
    const s = await summarize(approachingPersonScenario(), [0, 0, 0, 0, 0], 150);
    expect(s.contacts).toBe(0);
    expect(s.separation_violations).toBe(0);
    expect(s.contacts_robot_stationary).toBeGreaterThanOrEqual(1);
    expect(s.inside_separation_not_approaching).toBeGreaterThanOrEqual(13);
    expect(s.min_person_distance_m).toBeLessThan(0);
  });
});
