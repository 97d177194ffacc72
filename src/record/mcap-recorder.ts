/**
 * Records every topic of an in-process bus to a rosbag2-compatible MCAP file: profile `ros2`, schemas
 * `ros2msg` with the full concatenated definitions, messages CDR-encoded with
 * @foxglove/rosmsg2-serialization, log time = simulation time at delivery (see `attach`).
 *
 * Output: `--record NAME.mcap` writes that one file (`ros2 bag info NAME.mcap` reads it with the mcap
 * storage plugin); any other NAME is a bag directory NAME/ holding NAME_0.mcap and metadata.yaml.
 * Messages are serialized as they arrive (publishers may reuse buffers) and written on `flush()`.
 * Chunks (1 MiB before compression) are zstd-compressed with `compression: 'zstd'`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { McapWriter } from '@mcap/core';
import { parse } from '@foxglove/rosmsg';
import { MessageWriter } from '@foxglove/rosmsg2-serialization';
import type { InProcessBus } from '../transport/in-process/index.js';
import type { NodeHandle } from '../transport/port.js';
import type { DefinitionLibrary } from './definitions.js';
import { FileWritable } from './file-writable.js';
import { bagMetadataYaml } from './bag-metadata.js';
import type { ChunkCompression } from './chunk-compression.js';
import { chunkCompressor } from './chunk-compression.js';

export interface RecordTarget {
  mcapPath: string;
  /** set for bag directories */
  bagDir: string | undefined;
}

export function resolveRecordTarget(arg: string): RecordTarget {
  if (arg.endsWith('.mcap')) return { mcapPath: arg, bagDir: undefined };
  const dir = arg.replace(/\/+$/, '');
  return { mcapPath: join(dir, `${basename(dir)}_0.mcap`), bagDir: dir };
}

/** rosbag2 stores each publisher's offered QoS as YAML; we offer the defaults of our publishers. */
const OFFERED_QOS =
  '- history: 3\n  depth: 0\n  reliability: 1\n  durability: 2\n  deadline:\n    sec: 9223372036\n    nsec: 854775807\n  lifespan:\n    sec: 9223372036\n    nsec: 854775807\n  liveliness: 1\n  liveliness_lease_duration:\n    sec: 9223372036\n    nsec: 854775807\n  avoid_ros_namespace_conventions: false';

interface ChannelState {
  topic: string;
  type: string;
  id: number;
  writer: MessageWriter;
  count: number;
}

interface Pending {
  channel: ChannelState;
  logNs: bigint;
  data: Uint8Array;
}

export class McapRecorder {
  private readonly channels: ChannelState[] = [];
  private pending: Pending[] = [];
  private sequence = 0;
  private startNs: bigint | undefined;
  private endNs = 0n;
  private node: NodeHandle | undefined;
  readonly skipped: string[] = [];

  private constructor(
    readonly target: RecordTarget,
    private readonly file: FileWritable,
    private readonly writer: McapWriter,
    private readonly lib: DefinitionLibrary,
  ) {}

  static async open(
    target: RecordTarget,
    lib: DefinitionLibrary,
    // 'none' by default while McapSource (replay) reads without decompressHandlers
    options: { compression: ChunkCompression } = { compression: 'zstd' },
  ): Promise<McapRecorder> {
    const compressChunk = await chunkCompressor(options.compression);
    if (target.bagDir) mkdirSync(target.bagDir, { recursive: true });
    const file = new FileWritable(target.mcapPath);
    const writer = new McapWriter({
      writable: file,
      useStatistics: true,
      useChunks: true,
      useSummaryOffsets: true,
      compressChunk,
    });
    await writer.start({ profile: 'ros2', library: 'world-model-mpc' });
    return new McapRecorder(target, file, writer, lib);
  }

  /**
   * Subscribes to every topic the bus knows now (call after all nodes are created). `nowSec` gives the
   * log time at delivery (default: the bus clock). The simulator passes its physics time: the bus
   * delivers sensors published after a step before it moves its clock to that step's end, so the bus
   * clock would log them one step before their header stamp.
   */
  async attach(bus: InProcessBus, options: { nowSec?: () => number } = {}): Promise<void> {
    const nowSec = options.nowSec ?? (() => bus.clock.nowSec());
    this.node = bus.createNode('rosbag2_recorder', { useSimTime: bus.clock.isSimTime });
    // best effort matches every publisher; a deep queue so nothing is dropped between spins
    const qos = { reliability: 'best_effort', depth: 10_000, durability: 'transient_local' } as const;
    for (const topic of bus.topicNames()) {
      const type = bus.stats(topic)?.type;
      if (!type) continue;
      let text: string;
      try {
        text = this.lib.fullText(type);
      } catch {
        this.skipped.push(`${topic} (${type}: no definition)`);
        continue;
      }
      const schemaId = await this.writer.registerSchema({
        name: type,
        encoding: 'ros2msg',
        data: new TextEncoder().encode(text),
      });
      const id = await this.writer.registerChannel({
        topic,
        schemaId,
        messageEncoding: 'cdr',
        metadata: new Map([['offered_qos_profiles', OFFERED_QOS]]),
      });
      const channel: ChannelState = {
        topic,
        type,
        id,
        writer: new MessageWriter(parse(text, { ros2: true })),
        count: 0,
      };
      this.channels.push(channel);
      this.node
        .subscribe<unknown>(type, topic, qos)
        .subscribe((msg) => this.onMessage(channel, msg, nowSec()));
    }
  }

  private onMessage(channel: ChannelState, msg: unknown, nowSec: number): void {
    const logNs = BigInt(Math.round(nowSec * 1e9));
    this.startNs ??= logNs;
    this.endNs = logNs;
    channel.count++;
    this.pending.push({ channel, logNs, data: channel.writer.writeMessage(msg) });
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    for (const p of batch) {
      await this.writer.addMessage({
        channelId: p.channel.id,
        sequence: this.sequence++,
        logTime: p.logNs,
        publishTime: p.logNs,
        data: p.data,
      });
    }
  }

  messageCounts(): Record<string, number> {
    return Object.fromEntries(this.channels.map((c) => [c.topic, c.count]));
  }

  async close(): Promise<void> {
    await this.flush();
    this.node?.destroy();
    await this.writer.end();
    this.file.close();
    if (this.target.bagDir) {
      const yaml = bagMetadataYaml({
        fileName: basename(this.target.mcapPath),
        startNs: this.startNs ?? 0n,
        endNs: this.endNs,
        topics: this.channels.map((c) => ({
          name: c.topic,
          type: c.type,
          offeredQos: OFFERED_QOS,
          count: c.count,
        })),
      });
      writeFileSync(join(this.target.bagDir, 'metadata.yaml'), yaml);
    }
  }
}
