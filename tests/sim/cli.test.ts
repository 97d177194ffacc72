import { afterEach, describe, expect, it, vi } from 'vitest';
import { simCommand } from '../../src/cli/commands/sim.js';
import { UsageError } from '../../src/cli/command.js';

afterEach(() => vi.restoreAllMocks());

describe('world-model-mpc sim', () => {
  it('prints one JSON object with the scenario metrics on the last stdout line', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => lines.push(s));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await simCommand.run([
      '--scenario',
      'crossing',
      '--seed',
      '2',
      '--duration',
      '1',
      '--monitor',
      'none',
      '--camera-hz',
      '2',
      '--json',
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
    for (const key of [
      'scenario',
      'seed',
      'goal_reached',
      'time_to_goal_s',
      'min_person_distance_m',
      'separation_violations',
      'inside_separation_not_approaching',
      'contacts',
      'contacts_robot_stationary',
      'vetoes',
      'infeasible_s',
      'planner_hz_mean',
      'planner_cycle_ms_p99',
    ]) {
      expect(summary).toHaveProperty(key);
    }
    // no --planner: the real pipeline (encoder → MPC → monitor) is the default
    expect(summary).toMatchObject({ scenario: 'crossing', seed: 2, duration_s: 1, planner: 'mpc' });
  });

  it('rejects an unknown scenario with the list of known ones', async () => {
    await expect(simCommand.run(['--scenario', 'moon'])).rejects.toThrow(UsageError);
    await expect(simCommand.run(['--scenario', 'moon'])).rejects.toThrow(/known: .*coffee/);
  });

  it('rejects an unknown recording compression, naming the known ones', async () => {
    await expect(simCommand.run(['--record-compression', 'lz5'])).rejects.toThrow(UsageError);
    await expect(simCommand.run(['--record-compression', 'lz5'])).rejects.toThrow(
      /--record-compression: expected one of zstd, none, got 'lz5'/,
    );
  });

  it('rejects a malformed camera size', async () => {
    await expect(simCommand.run(['--camera', '128by96'])).rejects.toThrow(/--camera: expected WIDTHxHEIGHT/);
  });
});
