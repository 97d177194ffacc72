import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { findPackageRoot } from '../../src/nodes/registry.js';

afterEach(() => vi.restoreAllMocks());

function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => lines.push(s));
  return lines;
}

function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((s: string) => lines.push(s));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return lines;
}

describe('world-model-mpc command line', () => {
  it('lists every subcommand in --help and exits 0', async () => {
    const out = captureStdout();
    expect(await main(['--help'])).toBe(0);
    const text = out.join('\n');
    for (const name of ['sim', 'replay', 'bench', 'check-config', 'node'])
      expect(text).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('prints a subcommand usage for --help', async () => {
    const out = captureStdout();
    expect(await main(['sim', '--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/Usage: world-model-mpc sim --scenario/);
  });

  it('exits 2 with a one-line cause on an unknown command or a bad flag', async () => {
    const err = captureStderr();
    expect(await main(['fly'])).toBe(2);
    expect(err.at(-1)).toMatch(
      /unknown command 'fly' \(expected one of: sim, replay, energy-map, bench, check-config, node\)/,
    );
    expect(await main(['bench', '--only', 'warp-drive'])).toBe(2);
    expect(err.at(-1)).toMatch(/--only: unknown benchmark warp-drive \(known: .*transport/);
    expect(await main(['sim', '--seed', 'x'])).toBe(2);
    expect(err.at(-1)).toMatch(/--seed: expected a number, got 'x'/);
  });

  it('takes a model directory given as an absolute path as it is', async () => {
    const out = captureStdout();
    const model = join(findPackageRoot(), 'models', 'jepa-sim');
    expect(await main(['energy-map', '--model', model, '--step', '3', '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      model: expect.stringMatching(/^jepa-sim@/) as unknown,
    });
  }, 60_000);

  it('bench --json prints one JSON object per benchmark with its name and figures', async () => {
    const out = captureStdout();
    expect(await main(['bench', '--only', 'transport', '--quick', '--json'])).toBe(0);
    expect(out).toHaveLength(1);
    const figures = JSON.parse(out[0] ?? '') as Record<string, unknown>;
    expect(figures.name).toBe('transport');
    expect(figures.messages).toBe(2000);
    expect(typeof figures.latency_us_p50).toBe('number');
  });
});
