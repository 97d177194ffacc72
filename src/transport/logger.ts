import type { Logger } from './port.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** Process-wide log threshold (the CLI sets it; tests keep it at 'warn'). */
let threshold: LogLevel = (process.env.WMPC_LOG_LEVEL as LogLevel | undefined) ?? 'info';
export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

/** A logger in ROS's console format: `[LEVEL] [time] [node]: message`, on stderr so stdout stays for data. */
export function createConsoleLogger(nodeName: string, nowSec: () => number): Logger {
  const log = (level: Exclude<LogLevel, 'silent'>) => (msg: string) => {
    if (rank[level] < rank[threshold]) return;
    process.stderr.write(`[${level.toUpperCase()}] [${nowSec().toFixed(3)}] [${nodeName}]: ${msg}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
