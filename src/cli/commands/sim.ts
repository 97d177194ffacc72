import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, numberFlag } from '../command.js';
import { runScenario } from '../../sim/runner.js';
import type { MetricsCollector } from '../../sim/metrics.js';
import type { PipelineStage } from '../../sim/controllers.js';
import { controllerNames } from '../../sim/controllers.js';
import { scenarioNames } from '../../sim/scenarios/index.js';
import type { ChunkCompression } from '../../record/chunk-compression.js';
import { parseChunkCompression } from '../../record/chunk-compression.js';
import { writeHtmlReport } from '../../report/html-report.js';

const PROGRESS_EVERY_SIM_S = 5;

function progressPrinter(): (
  m: MetricsCollector,
  stages: { controller: PipelineStage; monitor: PipelineStage },
) => void {
  const tty = process.stderr.isTTY === true;
  let lastWallMs = 0;
  let lastSimS = -Infinity;
  return (m, stages) => {
    const p = m.latest();
    const now = performance.now();
    if (tty ? now - lastWallMs < 200 : p.tSec - lastSimS < PROGRESS_EVERY_SIM_S - 1e-9) return;
    lastWallMs = now;
    lastSimS = p.tSec;
    const near = Number.isFinite(p.nearestPersonM) ? `${p.nearestPersonM.toFixed(2)} m` : 'nobody';
    const status = stages.controller.status?.() ?? p.plannerStatus;
    const line = `t=${p.tSec.toFixed(1)} s  goal ${p.goalDistM.toFixed(2)} m  nearest person ${near}  planner ${status} (${p.plannerStatus})  vetoes ${p.vetoes}`;
    if (tty) process.stderr.write(`\r\x1b[2K${line}`);
    else process.stderr.write(`${line}\n`);
  };
}

function parseParams(raw: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of raw ?? []) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param: expected key=value, got '${item}'`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export const simCommand: Command = {
  name: 'sim',
  summary: 'Run a closed-loop scenario in the built-in physics simulator (the embedded default).',
  usage:
    'Usage: world-model-mpc sim --scenario coffee|knife|crossing|adversarial|explore|explore_corridor [--seed N] [--duration S] [--planner mpc(default)|baseline|oracle|corrupted|explore] [--monitor NAME|none] [--record FILE.mcap|BAGDIR] [--record-compression zstd|none] [--report DIR] [--camera WxH] [--camera-hz HZ] [--param key=value]... [--no-route] [--json]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string', default: 'coffee' },
        seed: { type: 'string' },
        duration: { type: 'string' },
        planner: { type: 'string' },
        monitor: { type: 'string' },
        record: { type: 'string' },
        'record-compression': { type: 'string', default: 'zstd' },
        report: { type: 'string' },
        camera: { type: 'string' },
        'camera-hz': { type: 'string' },
        param: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        'no-route': { type: 'boolean' },
      },
      strict: true,
    });
    const scenario = values.scenario ?? 'coffee';
    if (!scenarioNames().includes(scenario))
      throw new UsageError(`--scenario: unknown '${scenario}' (known: ${scenarioNames().join(', ')})`);
    if (values.planner !== undefined && !controllerNames().includes(values.planner)) {
      throw new UsageError(`--planner: unknown '${values.planner}' (known: ${controllerNames().join(', ')})`);
    }
    const seed = numberFlag('seed', values.seed, 1);
    if (!Number.isInteger(seed) || seed < 0)
      throw new UsageError(`--seed: expected a non-negative integer, got '${values.seed}'`);
    const durationS = values.duration === undefined ? undefined : numberFlag('duration', values.duration, 0);
    if (durationS !== undefined && !(durationS > 0))
      throw new UsageError(`--duration: expected seconds > 0, got '${values.duration}'`);
    let camera;
    if (values.camera !== undefined) {
      const m = /^(\d+)x(\d+)$/.exec(values.camera);
      if (!m) throw new UsageError(`--camera: expected WIDTHxHEIGHT, e.g. 128x96, got '${values.camera}'`);
      camera = { widthPx: Number(m[1]), heightPx: Number(m[2]), hfovRad: Math.PI / 2, maxRangeM: 15 };
    }
    const recordCompression = parseCompression(values['record-compression']);
    const cameraHz =
      values['camera-hz'] === undefined ? undefined : numberFlag('camera-hz', values['camera-hz'], 10);
    const result = await runScenario({
      scenario,
      seed,
      durationS,
      planner: values.planner,
      // the real pipeline (encoder → MPC → monitor) unless the scenario names its own controller
      fallbackPlanner: 'mpc',
      monitor: values.monitor,
      record: values.record,
      recordCompression,
      camera,
      cameraHz,
      params: parseParams(values.param),
      route: values['no-route'] !== true,
      onSample: progressPrinter(),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    let reportPath: string | undefined;
    if (values.report !== undefined) reportPath = writeHtmlReport(values.report, result);
    const s = result.summary;
    const realtimeFactor = result.wallS > 0 ? s.duration_s / result.wallS : null;
    if (values.json) {
      console.log(
        JSON.stringify({
          ...s,
          wall_s: round3(result.wallS),
          realtime_factor: realtimeFactor && round3(realtimeFactor),
          recording: result.recordPath ?? null,
          report: reportPath ?? null,
        }),
      );
    } else {
      const goal = s.goal_reached
        ? `reached in ${s.time_to_goal_s} s`
        : `not reached (${s.final_goal_distance_m} m away)`;
      console.log(`${s.scenario} seed ${s.seed} planner ${s.planner} monitor ${s.monitor}: goal ${goal}`);
      console.log(
        `  min person distance ${s.min_person_distance_m ?? '-'} m, separation violations ${s.separation_violations} (+${s.inside_separation_not_approaching} robot still or backing away), contacts ${s.contacts} (+${s.contacts_robot_stationary} robot stopped), vetoes ${s.vetoes}, keep-out ${s.keep_out_violations}`,
      );
      console.log(
        `  ${s.duration_s} s simulated in ${result.wallS.toFixed(2)} s (×${realtimeFactor?.toFixed(1)} real time)`,
      );
      if (result.recordPath) console.log(`  recording: ${result.recordPath}`);
      if (reportPath) console.log(`  report: ${reportPath}`);
    }
    return 0;
  },
};

function parseCompression(raw: string | undefined): ChunkCompression {
  try {
    return parseChunkCompression(raw ?? 'zstd', '--record-compression');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
