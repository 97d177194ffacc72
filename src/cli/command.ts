/** A CLI subcommand: parses its own flags (node:util parseArgs), returns an exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Bad arguments: main prints the one-line cause and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** Parses a finite number flag or throws a UsageError naming the flag. */
export function numberFlag(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  // Number('') is 0: an empty value is no number either
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${flag}: expected a number, got '${raw}'`);
  return value;
}
