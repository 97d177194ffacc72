/** An @mcap/core IWritable over a file descriptor with synchronous writes (simple and deterministic). */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IWritable } from '@mcap/core';

export class FileWritable implements IWritable {
  private readonly fd: number;
  private pos = 0n;

  constructor(readonly path: string) {
    try {
      // `--record out/run.mcap` on a fresh checkout: the folder does not exist yet
      mkdirSync(dirname(path), { recursive: true });
      this.fd = openSync(path, 'w');
    } catch (err) {
      throw new Error(`recording: cannot create '${path}': ${(err as Error).message}`, { cause: err });
    }
  }

  async write(buffer: Uint8Array): Promise<void> {
    let off = 0;
    while (off < buffer.length) off += writeSync(this.fd, buffer, off, buffer.length - off);
    this.pos += BigInt(buffer.length);
  }

  position(): bigint {
    return this.pos;
  }

  close(): void {
    closeSync(this.fd);
  }
}
