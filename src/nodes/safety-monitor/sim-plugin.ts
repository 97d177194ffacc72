/**
 * Hooks the safety monitor into the built-in simulator's closed loop (src/sim/controllers.ts): its own
 * constraint set from urdf + config/constraints.yaml plus the scenario's keep-out zones, and monitor
 * parameters from `--param safety_monitor.<name>=<value>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConstraintConfig } from '../../core/constraints/index.js';
import type { PipelineContext, PipelineStage } from '../../sim/controllers.js';
import { registerSafetyMonitor } from '../../sim/controllers.js';
import { ZONE_TOP_M } from '../../sim/scenario.js';
import type { ParameterValue } from '../../transport/port.js';
import { startSafetyMonitor } from '../safety-monitor.js';
import { buildMonitorConstraints } from './constraint-source.js';

const PREFIX = 'safety_monitor.';

/** `--param safety_monitor.latch_enabled=false` → { latch_enabled: false }; numbers and booleans parsed. */
export function monitorParamOverrides(
  params: Readonly<Record<string, string>>,
): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const [key, raw] of Object.entries(params)) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length);
    if (raw === 'true' || raw === 'false') out[name] = raw === 'true';
    else if (raw.trim() !== '' && Number.isFinite(Number(raw))) out[name] = Number(raw);
    else out[name] = raw;
  }
  return out;
}

/** Adds the scenario's keep-out polygons (floor to ZONE_TOP_M) to the configured zones. */
export function withScenarioZones(
  config: ConstraintConfig,
  zones: PipelineContext['scenario']['keepOutZones'],
): ConstraintConfig {
  if (zones.length === 0) return config;
  const extra = zones.map((z) => ({
    name: z.name,
    type: 'polygon' as const,
    pointsInOdomM: z.polygon.map(([x, y]) => [x, y] as [number, number]),
    zMinM: 0,
    zMaxM: ZONE_TOP_M,
  }));
  return {
    ...config,
    keepOutZones: { ...config.keepOutZones, zones: [...config.keepOutZones.zones, ...extra] },
  };
}

export function createSimSafetyMonitor(ctx: PipelineContext): PipelineStage {
  const yamlPath = join(ctx.packageRoot, 'config', 'constraints.yaml');
  const constraints = buildMonitorConstraints({
    urdfXml: ctx.urdfXml,
    constraintsYaml: existsSync(yamlPath) ? readFileSync(yamlPath, 'utf8') : null,
    adjust: (c) => withScenarioZones(c, ctx.scenario.keepOutZones),
  });
  const node = ctx.transport.createNode('safety_monitor', {
    useSimTime: true,
    parameterOverrides: monitorParamOverrides(ctx.params),
  });
  const monitor = startSafetyMonitor(node, { constraints });
  return {
    status: () => {
      const c = monitor.counters();
      const latched = monitor.state.latch.latched ? ' LATCHED' : '';
      return `monitor ${c.passed} ok ${c.limited} lim ${c.vetoed + c.malformed} veto ${c.stale} stale${latched}`;
    },
    dispose: () => {
      monitor.stop();
      node.destroy();
    },
  };
}

registerSafetyMonitor({ name: 'safety_monitor', create: createSimSafetyMonitor });
