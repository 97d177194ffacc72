/**
 * Tool rules: with a sharp tool held, the tool tip moves at most `sharpSpeedMaxMps` (ISO 10218-1 reduced
 * speed, 250 mm/s by default), and at most `nearPersonSpeedMaxMps` (default 0: stop) while any person is
 * within `nearPersonDistanceM` of any body part.
 */
import type { ToolInfo } from '../types.js';
import type { ToolConfig } from './config.js';

/** Tool-tip speed limit [m/s]; +Infinity when no rule applies. `nearestGapM`: smallest person gap [m]. */
export function toolSpeedLimitMps(cfg: ToolConfig, tool: ToolInfo, nearestGapM: number): number {
  if (!cfg.enabled || !tool.held || !tool.sharp) return Number.POSITIVE_INFINITY;
  return nearestGapM < cfg.nearPersonDistanceM ? cfg.nearPersonSpeedMaxMps : cfg.sharpSpeedMaxMps;
}
