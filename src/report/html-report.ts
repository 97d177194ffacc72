import type { RunResult } from '../sim/runner.js';
export function writeHtmlReport(_dir: string, _r: RunResult): string {
  return '';
}
