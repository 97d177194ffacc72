import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { McapStreamReader } from '@mcap/core';
import { parse as parseYaml } from 'yaml';
import type { TypedMcapRecord } from '@mcap/core';
import { runScenario } from '../../src/sim/runner.js';
import { mcapDecompressHandlers } from '../../src/record/chunk-compression.js';

const dir = mkdtempSync(join(tmpdir(), 'wmpc-rec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every record of `path`, chunks decompressed (zstd or plain). */
async function records(path: string): Promise<TypedMcapRecord[]> {
  const reader = new McapStreamReader({ decompressHandlers: await mcapDecompressHandlers() });
  reader.append(readFileSync(path));
  const out: TypedMcapRecord[] = [];
  for (let rec = reader.nextRecord(); rec; rec = reader.nextRecord()) out.push(rec);
  return out;
}

/** Chunk compression names and the messages (channel topic + payload, in order) of `path`. */
async function content(path: string): Promise<{ compressions: Set<string>; messages: string[] }> {
  const compressions = new Set<string>();
  const topics = new Map<number, string>();
  const messages: string[] = [];
  for (const rec of await records(path)) {
    if (rec.type === 'ChunkIndex') compressions.add(rec.compression);
    if (rec.type === 'Channel') topics.set(rec.id, rec.topic);
    if (rec.type === 'Message')
      messages.push(`${topics.get(rec.channelId)} ${Buffer.from(rec.data).toString('hex')}`);
  }
  return { compressions, messages };
}

describe('MCAP recording of a simulated run', () => {
  it('is identical byte for byte when the same seed runs twice', async () => {
    const a = join(dir, 'a.mcap');
    const b = join(dir, 'b.mcap');
    await runScenario({ scenario: 'explore', seed: 3, durationS: 1.5, record: a, recordCompression: 'zstd' });
    await runScenario({ scenario: 'explore', seed: 3, durationS: 1.5, record: b, recordCompression: 'zstd' });
    expect(sha256(a)).toBe(sha256(b));
  });

  it('compresses chunks with zstd to a smaller file holding the same messages as plain chunks', async () => {
    const plain = join(dir, 'plain.mcap');
    await runScenario({
      scenario: 'explore',
      seed: 3,
      durationS: 1.5,
      record: plain,
      recordCompression: 'none',
    });
    const zstd = await content(join(dir, 'a.mcap'));
    const none = await content(plain);
    expect(zstd.compressions).toEqual(new Set(['zstd']));
    expect(none.compressions).toEqual(new Set(['']));
    // 16 camera frames of 36 kB alone make the plain file > 0.5 MB
    expect(none.messages.length).toBeGreaterThan(16);
    expect(zstd.messages).toEqual(none.messages);
    expect(statSync(join(dir, 'a.mcap')).size).toBeLessThan(statSync(plain).size / 2);
  });

  it('is identical with the safety monitor in the loop too', async () => {
    const a = join(dir, 'm1.mcap');
    const b = join(dir, 'm2.mcap');
    const first = await runScenario({ scenario: 'coffee', seed: 2, durationS: 1.5, record: a });
    await runScenario({ scenario: 'coffee', seed: 2, durationS: 1.5, record: b });
    expect(first.summary.monitor).not.toBe('none');
    expect(sha256(a)).toBe(sha256(b));
  });

  it('logs sensors at their header stamp and commands at the period that issued them', async () => {
    const file = join(dir, 'times.mcap');
    await runScenario({ scenario: 'explore', seed: 3, durationS: 0.5, record: file });
    const topics = new Map<number, string>();
    const logSec = new Map<string, number[]>();
    for (const rec of await records(file)) {
      if (rec.type === 'Channel') topics.set(rec.id, rec.topic);
      if (rec.type !== 'Message') continue;
      const topic = topics.get(rec.channelId) ?? '?';
      logSec.set(topic, [...(logSec.get(topic) ?? []), Number(rec.logTime) / 1e9]);
    }
    // camera every 5th step of 0.02 s from t = 0, stamped with the physics time it was rendered at
    const camera = logSec.get('/camera/image_raw') ?? [];
    expect(camera).toHaveLength(6);
    camera.forEach((t, k) => expect(t).toBeCloseTo(0.1 * k, 9));
    // odometry every step from t = 0
    (logSec.get('/odom') ?? []).forEach((t, k) => expect(t).toBeCloseTo(0.02 * k, 9));
    // the explore controller's 10 Hz timer from 0.1 s, relayed to /cmd_vel in the same instant
    const cmd = logSec.get('/cmd_vel') ?? [];
    expect(cmd).toHaveLength(5);
    cmd.forEach((t, k) => expect(t).toBeCloseTo(0.1 * (k + 1), 9));
  });

  it('creates the folders of a recording path that does not exist yet (`npm start` on a fresh checkout)', async () => {
    const file = join(dir, 'not', 'yet', 'run.mcap');
    await runScenario({ scenario: 'explore', seed: 3, durationS: 0.3, record: file });
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('differs when the seed differs', async () => {
    const c = join(dir, 'c.mcap');
    await runScenario({ scenario: 'explore', seed: 4, durationS: 1.5, record: c, recordCompression: 'zstd' });
    expect(sha256(c)).not.toBe(sha256(join(dir, 'a.mcap')));
  });

  it('writes a rosbag2 directory with CDR channels, ros2msg schemas and a metadata.yaml that counts them', async () => {
    const bag = join(dir, 'bag');
    const result = await runScenario({
      scenario: 'coffee',
      seed: 1,
      durationS: 1,
      record: bag,
      recordCompression: 'zstd',
    });
    const schemas = new Map<number, string>();
    const channels = new Map<number, { topic: string; schemaId: number; encoding: string }>();
    const counts = new Map<string, number>();
    let profile = '';
    for (const rec of await records(join(bag, 'bag_0.mcap'))) {
      if (rec.type === 'Header') profile = rec.profile;
      if (rec.type === 'Schema') {
        expect(rec.encoding).toBe('ros2msg');
        schemas.set(rec.id, rec.name);
      }
      if (rec.type === 'Channel')
        channels.set(rec.id, { topic: rec.topic, schemaId: rec.schemaId, encoding: rec.messageEncoding });
      if (rec.type === 'Message') {
        const topic = channels.get(rec.channelId)?.topic ?? '?';
        counts.set(topic, (counts.get(topic) ?? 0) + 1);
      }
    }
    expect(profile).toBe('ros2');
    const byTopic = new Map(
      [...channels.values()].map((c) => [c.topic, { type: schemas.get(c.schemaId), enc: c.encoding }]),
    );
    expect(byTopic.get('/camera/image_raw')).toEqual({ type: 'sensor_msgs/msg/Image', enc: 'cdr' });
    expect(byTopic.get('/cmd_vel')).toEqual({ type: 'geometry_msgs/msg/Twist', enc: 'cdr' });
    expect(byTopic.get('/people')?.type).toBe('world_model_mpc/msg/TrackedPersonArray');
    // 1 s at 10 Hz camera plus the frame at t = 0; 50 Hz clock plus t = 0; one latched goal image
    expect(counts.get('/camera/image_raw')).toBe(11);
    expect(counts.get('/clock')).toBe(51);
    expect(counts.get('/world_model/goal_image')).toBe(1);
    const meta = parseYaml(readFileSync(join(bag, 'metadata.yaml'), 'utf8')) as {
      rosbag2_bagfile_information: {
        storage_identifier: string;
        message_count: number;
        relative_file_paths: string[];
      };
    };
    const info = meta.rosbag2_bagfile_information;
    expect(info.storage_identifier).toBe('mcap');
    expect(info.relative_file_paths).toEqual(['bag_0.mcap']);
    expect(info.message_count).toBe([...counts.values()].reduce((s, n) => s + n, 0));
    expect(result.recorded?.['/camera/image_raw']).toBe(11);
  });
});
