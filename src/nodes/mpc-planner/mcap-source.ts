/**
 * Reads a rosbag2 MCAP (profile ros2, CDR messages) in log-time order, decoding each message with the
 * ros2msg schema stored in the file. Used by `world-model-mpc replay`.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { McapIndexedReader } from '@mcap/core';
import { mcapDecompressHandlers } from '../../record/chunk-compression.js';
import type { IReadable } from '@mcap/core';
import { parse } from '@foxglove/rosmsg';
import { MessageReader } from '@foxglove/rosmsg2-serialization';

export interface BagChannel {
  topic: string;
  /** 'pkg/msg/Name' as the transports spell it */
  type: string;
}

export interface BagMessage {
  channel: BagChannel;
  logTimeSec: number;
  msg: unknown;
}

class FileReadable implements IReadable {
  constructor(private readonly fh: FileHandle) {}
  async size(): Promise<bigint> {
    return BigInt((await this.fh.stat()).size);
  }
  async read(offset: bigint, size: bigint): Promise<Uint8Array> {
    const buf = new Uint8Array(Number(size));
    await this.fh.read(buf, 0, buf.length, Number(offset));
    return buf;
  }
}

/** 'pkg/Name' → 'pkg/msg/Name' (rosbag2 schemas may use either). */
function fullType(name: string): string {
  const parts = name.split('/');
  return parts.length === 2 ? `${parts[0]}/msg/${parts[1]}` : name;
}

export class McapSource {
  private constructor(
    private readonly fh: FileHandle,
    private readonly reader: McapIndexedReader,
    readonly channels: ReadonlyMap<number, BagChannel & { decode: MessageReader }>,
  ) {}

  static async open(path: string): Promise<McapSource> {
    const fh = await open(path, 'r');
    try {
      const reader = await McapIndexedReader.Initialize({
        readable: new FileReadable(fh),
        decompressHandlers: await mcapDecompressHandlers(),
      });
      const channels = new Map<number, BagChannel & { decode: MessageReader }>();
      for (const [id, ch] of reader.channelsById) {
        const schema = reader.schemasById.get(ch.schemaId);
        if (!schema || ch.messageEncoding !== 'cdr' || schema.encoding !== 'ros2msg') continue;
        const text = new TextDecoder().decode(schema.data);
        channels.set(id, {
          topic: ch.topic,
          type: fullType(schema.name),
          decode: new MessageReader(parse(text, { ros2: true })),
        });
      }
      return new McapSource(fh, reader, channels);
    } catch (err) {
      await fh.close();
      throw new Error(
        `cannot read '${path}' as an MCAP file: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
  }

  /** Messages of the decodable channels whose topic passes `keep`, in log-time order. */
  async *messages(keep: (topic: string) => boolean): AsyncGenerator<BagMessage> {
    const topics = [...this.channels.values()].map((c) => c.topic).filter(keep);
    for await (const m of this.reader.readMessages({ topics })) {
      const channel = this.channels.get(m.channelId);
      if (!channel) continue;
      yield { channel, logTimeSec: Number(m.logTime) / 1e9, msg: channel.decode.readMessage(m.data) };
    }
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}
