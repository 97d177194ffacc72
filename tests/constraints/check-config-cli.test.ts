import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkConfigCommand } from '../../src/cli/commands/check-config.js';
import { UsageError } from '../../src/cli/command.js';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await checkConfigCommand.run(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'wmpc-check-')), name);
  writeFileSync(file, text);
  return file;
}

afterEach(() => vi.restoreAllMocks());

describe('check-config', () => {
  it('prints one JSON object with joints, link poses at the --fk values and the constraints', async () => {
    const r = await run([
      '--urdf',
      'urdf/robot.urdf',
      '--config',
      'config/constraints.yaml',
      '--fk',
      'arm_shoulder_yaw=1.5707963267948966',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as {
      joints: { name: string; type: string; lower: number | null }[];
      links: Record<string, { xyz: number[]; quat: number[] }>;
      constraints: { actionDim: number; armJointNames: string[] };
    };
    expect(d.joints.find((j) => j.name === 'arm_elbow_pitch')).toMatchObject({
      type: 'revolute',
      lower: -2.4,
      upper: 2.4,
      velocity: 1.8,
      effort: 15,
      axis: [0, 1, 0],
    });
    expect(d.joints.find((j) => j.name === 'left_wheel_joint')?.lower).toBeNull();
    d.links['tool_tip']?.xyz.forEach((v, i) => expect(v).toBeCloseTo([0.1, 0.62, 0.38][i] as number, 9));
    expect(d.constraints.actionDim).toBe(5);
  });

  it('handles a vendor-style URDF: names meshes, shows the mimic joint and the chains', async () => {
    const r = await run(['--urdf', 'tests/fixtures/urdf/vendor_arm.urdf']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/meshes \(named, not loaded\): package:\/\/acme_a3_description/);
    expect(r.out).toMatch(/a3_finger_right_joint .* mimic a3_finger_left_joint×1\+0/);
    expect(r.out).toMatch(/world → a3_base → a3_link_1 → a3_link_2 → a3_link_3 → a3_flange → a3_finger_left/);
  });

  it('fails with the file and the joint named for a broken URDF', async () => {
    const file = tempFile(
      'bad.urdf',
      '<robot name="x"><link name="a"/><joint name="j" type="hinge"><parent link="a"/><child link="a"/></joint></robot>',
    );
    const r = await run(['--urdf', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: joint 'j': unknown joint type 'hinge'`);
  });

  it('fails with the key path and range for a bad config', async () => {
    const file = tempFile('bad.yaml', 'tool:\n  sharpSpeedMaxMps: -1\n');
    const r = await run(['--urdf', 'urdf/robot.urdf', '--config', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("key 'tool.sharpSpeedMaxMps': allowed number in [0, 2] m/s, got -1");
  });

  it('rejects an unknown joint in --fk and a missing --urdf as usage errors', async () => {
    await expect(run(['--urdf', 'urdf/robot.urdf', '--fk', 'elbow=1'])).rejects.toThrow(
      /--fk: 'elbow' is not a movable joint/,
    );
    await expect(run([])).rejects.toThrow(UsageError);
    await expect(run(['--urdf', 'no/such/file.urdf'])).rejects.toThrow(
      /--urdf: cannot read 'no\/such\/file.urdf'/,
    );
  });
});
