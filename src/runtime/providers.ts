/**
 * Execution providers in order of preference. Each is tried in turn; one that cannot start (missing
 * shared library, no device) is skipped with a logged reason and the next is tried. 'cpu' always works.
 */
import * as ort from 'onnxruntime-node';
import type { Logger } from '../transport/port.js';

export const KNOWN_PROVIDERS = ['tensorrt', 'cuda', 'webgpu', 'dml', 'coreml', 'cpu'] as const;
export const DEFAULT_PROVIDERS: readonly string[] = ['tensorrt', 'cuda', 'webgpu', 'cpu'];

export interface SessionOptions {
  /** 0 lets ONNX Runtime choose (all cores) */
  intraOpThreads?: number;
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: string;
}

function sessionOptions(provider: string, opts: SessionOptions): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    graphOptimizationLevel: 'all',
    ...(opts.intraOpThreads ? { intraOpNumThreads: opts.intraOpThreads } : {}),
  };
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] ?? msg).slice(0, 240);
}

/** Opens `path` with the first provider of `providers` that starts; throws listing every reason. */
export async function openSession(
  path: string,
  providers: readonly string[],
  logger: Pick<Logger, 'info' | 'warn'>,
  opts: SessionOptions = {},
): Promise<OpenedSession> {
  const unknown = providers.filter((p) => !(KNOWN_PROVIDERS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw new Error(
      `execution providers: unknown ${unknown.join(', ')}; expected any of ${KNOWN_PROVIDERS.join(', ')}`,
    );
  }
  const reasons: string[] = [];
  for (const provider of providers) {
    try {
      const session = await ort.InferenceSession.create(path, sessionOptions(provider, opts));
      return { session, provider };
    } catch (err) {
      const why = firstLine(err);
      reasons.push(`${provider}: ${why}`);
      logger.warn(
        `world model: execution provider '${provider}' unavailable for ${path} (${why}); trying the next`,
      );
    }
  }
  throw new Error(`world model: no execution provider could open ${path}: ${reasons.join('; ')}`);
}
