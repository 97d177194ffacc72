import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/runner.js';

describe('closed-loop runner', () => {
  it('drives the baseline to the coffee machine when nothing stops it', async () => {
    // coffee start is ≥ 3 m from the goal; the baseline drives at ≤ 0.6 m/s, so it needs more than 5 s
    const r = await runScenario({ scenario: 'coffee', seed: 2, durationS: 15, monitor: 'none', cameraHz: 2 });
    expect(r.summary.goal_reached).toBe(true);
    expect(r.summary.time_to_goal_s).toBeGreaterThan(5);
    expect(r.summary.final_goal_distance_m).toBeLessThan(0.15);
    expect(r.summary.planner).toBe('baseline');
    expect(r.summary.planner_hz_mean).toBeCloseTo(10, 0);
  });

  it('records separation violations when the corrupted planner runs with no monitor', async () => {
    const r = await runScenario({
      scenario: 'adversarial',
      seed: 1,
      durationS: 10,
      monitor: 'none',
      cameraHz: 2,
    });
    expect(r.summary.planner).toBe('corrupted');
    expect(r.summary.separation_violations).toBeGreaterThan(0);
    expect(r.summary.min_person_distance_m).not.toBeNull();
  });

  it('samples the trace every 0.1 s of simulated time', async () => {
    const r = await runScenario({
      scenario: 'crossing',
      seed: 1,
      durationS: 2,
      monitor: 'none',
      cameraHz: 2,
    });
    expect(r.trace.t).toHaveLength(20);
    expect(r.trace.t[19]).toBeCloseTo(2, 9);
    expect(r.summary.duration_s).toBe(2);
  });

  it('names the unknown planner and the known ones', async () => {
    await expect(runScenario({ scenario: 'coffee', seed: 1, durationS: 1, planner: 'nope' })).rejects.toThrow(
      /unknown planner 'nope' \(known: .*baseline/,
    );
  });
});
