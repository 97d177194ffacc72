/**
 * MCAP chunk compression. `zstd` (the default of `sim --record`) uses @foxglove/wasm-zstd, the codec
 * rosbag2's mcap storage presets use; `none` writes plain chunks. zstd output depends only on the
 * input and the level, so recordings of the same seed stay byte-identical. Readers built on
 * @mcap/core need `mcapDecompressHandlers()`; Python's `mcap` decompresses through `zstandard`.
 */
import { compress, decompress, isLoaded } from '@foxglove/wasm-zstd';
import type { DecompressHandlers } from '@mcap/core';

export type ChunkCompression = 'zstd' | 'none';

export const CHUNK_COMPRESSIONS: readonly ChunkCompression[] = ['zstd', 'none'];

/** zstd level: 3 is zstd's own default, a few percent larger than 9 at several times the speed. */
export const ZSTD_LEVEL = 3;

export type CompressChunk = (chunkData: Uint8Array) => { compression: string; compressedData: Uint8Array };

export function parseChunkCompression(raw: string, what: string): ChunkCompression {
  if ((CHUNK_COMPRESSIONS as readonly string[]).includes(raw)) return raw as ChunkCompression;
  throw new Error(`${what}: expected one of ${CHUNK_COMPRESSIONS.join(', ')}, got '${raw}'`);
}

/** The McapWriter `compressChunk` callback for `mode` (undefined: chunks stay uncompressed). */
export async function chunkCompressor(mode: ChunkCompression): Promise<CompressChunk | undefined> {
  if (mode === 'none') return undefined;
  await isLoaded;
  return (chunkData) => ({ compression: 'zstd', compressedData: compress(chunkData, ZSTD_LEVEL) });
}

/** `decompressHandlers` for @mcap/core readers (McapIndexedReader, McapStreamReader) of our recordings. */
export async function mcapDecompressHandlers(): Promise<DecompressHandlers> {
  await isLoaded;
  return { zstd: (buffer, decompressedSize) => decompress(buffer, Number(decompressedSize)) };
}
