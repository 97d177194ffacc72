/**
 * The run report: one self-contained HTML file (inline SVG, inline CSS, no scripts) with the summary,
 * a top-down map, and time plots of goal distance, person distance vs the protective separation
 * distance, speeds and planner cycle time, with infeasible and veto periods shaded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResult } from '../sim/runner.js';
import { mapPlot } from './map-plot.js';
import type { Band } from './svg-plot.js';
import { escapeXml, timePlot } from './svg-plot.js';

export function renderHtmlReport(r: RunResult): string {
  const tr = r.trace;
  const bands: Band[] = [
    { label: 'planner infeasible', colour: '#ff9900', flags: tr.infeasible },
    { label: 'monitor veto', colour: '#d00000', flags: tr.veto },
  ];
  const rows = Object.entries(r.summary)
    .map(([k, v]) => `<tr><th>${escapeXml(k)}</th><td>${escapeXml(v === null ? '–' : String(v))}</td></tr>`)
    .join('');
  const cycle = tr.plannerCycleMs.some(Number.isFinite)
    ? timePlot({
        title: 'Planner cycle time',
        unit: 'ms',
        t: tr.t,
        series: [{ label: 'cycle', colour: '#9467bd', values: tr.plannerCycleMs }],
        bands,
      })
    : '<p>No planner cycle times (no /mpc_planner/plan messages in this run).</p>';
  const plots = [
    timePlot({
      title: 'Distance to goal',
      unit: 'm',
      t: tr.t,
      series: [{ label: 'goal distance', colour: '#2ca02c', values: tr.goalDistM }],
      bands,
    }),
    timePlot({
      title: 'Nearest person (engine truth) vs protective separation distance',
      unit: 'm',
      t: tr.t,
      yMax: 4,
      series: [
        { label: 'min distance', colour: '#d62728', values: tr.minPersonDistM },
        { label: 'S_p', colour: '#555', values: tr.separationM, dashed: true },
      ],
      bands,
    }),
    timePlot({
      title: 'Speeds',
      unit: 'm/s, rad/s',
      t: tr.t,
      series: [
        { label: 'v base', colour: '#1f77b4', values: tr.vMps },
        { label: 'w base', colour: '#17becf', values: tr.wRadps, dashed: true },
        { label: 'fastest link', colour: '#ff7f0e', values: tr.robotSpeedMps },
      ],
      bands,
    }),
    cycle,
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>world-model-mpc: ${escapeXml(r.scenario.name)} seed ${r.summary.seed}</title>
<style>body{font-family:sans-serif;max-width:800px;margin:20px auto;color:#222}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:13px}th{background:#f2f2f2}svg{display:block;margin:12px 0}</style>
</head><body>
<h1>${escapeXml(r.scenario.name)} — seed ${r.summary.seed}</h1>
<p>${escapeXml(r.scenario.description)}</p>
<p>Planner <b>${escapeXml(r.summary.planner)}</b>, monitor <b>${escapeXml(r.summary.monitor)}</b>. Distances and contacts are the physics engine's ground truth; separation violations count control periods (${tr.periodS} s) where a person was closer than the protective separation distance computed from true speeds. Contacts and separation violations count only while the robot moves (base &gt; 0.01 m/s or rad/s, any joint &gt; 0.01 rad/s); those with the robot standing still are listed apart.</p>
<table>${rows}</table>
<h2>Map</h2>${mapPlot(r.scenario, tr)}
<h2>Time series</h2>${plots.join('\n')}
</body></html>
`;
}

/** Writes DIR/index.html and returns its path. */
export function writeHtmlReport(dir: string, r: RunResult): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'index.html');
  writeFileSync(path, renderHtmlReport(r));
  return path;
}
