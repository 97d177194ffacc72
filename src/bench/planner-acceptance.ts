/**
 * `planner-acceptance`: the acceptance table, engine ground truth only. For each scenario
 * (coffee, crossing) and controller (baseline, oracle, mpc when a trained model exists in
 * models/jepa-sim) it runs N seeds (20; 3 with --quick) closed-loop with the safety monitor, each for
 * the scenario's default duration, and prints goal reached, contacts, separation violations,
 * furniture contacts, infeasible time and time to goal side by side as a markdown table.
 * Slow: minutes per cell. Environment (to split the table over processes): PLANNER_ACCEPTANCE_SEEDS
 * (number), PLANNER_ACCEPTANCE_SCENARIOS and PLANNER_ACCEPTANCE_PLANNERS (comma-separated).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../nodes/registry.js';
import { runScenario } from '../sim/runner.js';
import type { Figures } from './registry.js';
import { registerBenchmark } from './registry.js';

interface Cell {
  runs: number;
  reached: number;
  contacts: number;
  sepViolations: number;
  staticContacts: number;
  keepOutViolations: number;
  infeasibleS: number;
  timeToGoalSumS: number;
}

async function runCell(scenario: string, planner: string, seeds: number): Promise<Cell> {
  const cell: Cell = {
    runs: 0,
    reached: 0,
    contacts: 0,
    sepViolations: 0,
    staticContacts: 0,
    keepOutViolations: 0,
    infeasibleS: 0,
    timeToGoalSumS: 0,
  };
  for (let seed = 1; seed <= seeds; seed++) {
    const { summary: s } = await runScenario({ scenario, planner, seed });
    cell.runs++;
    if (s.goal_reached) {
      cell.reached++;
      cell.timeToGoalSumS += s.time_to_goal_s ?? 0;
    }
    cell.contacts += s.contacts;
    cell.sepViolations += s.separation_violations;
    cell.staticContacts += s.static_contacts;
    cell.keepOutViolations += s.keep_out_violations;
    cell.infeasibleS += s.infeasible_s;
  }
  return cell;
}

function listFromEnv(name: string, fallback: string[]): string[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(',').map((s) => s.trim());
}

function seedsFromEnv(fallback: number): number {
  const raw = process.env.PLANNER_ACCEPTANCE_SEEDS;
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`PLANNER_ACCEPTANCE_SEEDS: expected an integer ≥ 1, got '${raw}'`);
  return n;
}

function row(scenario: string, planner: string, c: Cell): string {
  const meanTtg = c.reached > 0 ? `${(c.timeToGoalSumS / c.reached).toFixed(1)} s` : '–';
  return (
    `| ${scenario} | ${planner} | ${c.reached}/${c.runs} | ${c.contacts} | ${c.sepViolations} | ` +
    `${c.staticContacts} | ${c.keepOutViolations} | ${(c.infeasibleS / c.runs).toFixed(1)} s | ${meanTtg} |`
  );
}

registerBenchmark({
  name: 'planner-acceptance',
  description: 'goal reached, contacts, separation violations over seeds: baseline vs oracle vs mpc',
  onlyWhenNamed: true,
  async run({ quick }) {
    const seeds = seedsFromEnv(quick ? 3 : 20);
    const known = ['baseline', 'oracle'];
    if (existsSync(join(findPackageRoot(), 'models', 'jepa-sim', 'manifest.json'))) known.push('mpc');
    const planners = listFromEnv('PLANNER_ACCEPTANCE_PLANNERS', known);
    const scenarios = listFromEnv('PLANNER_ACCEPTANCE_SCENARIOS', ['coffee', 'crossing']);
    const figures: Figures = { seeds };
    const rows = [
      '| scenario | controller | goal reached | contacts | separation violations | furniture contacts | keep-out violations | mean time INFEASIBLE | mean time to goal |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    for (const scenario of scenarios) {
      for (const planner of planners) {
        const c = await runCell(scenario, planner, seeds);
        const key = `${scenario}_${planner}`;
        figures[`${key}_goal_pct`] = (100 * c.reached) / c.runs;
        figures[`${key}_contacts`] = c.contacts;
        figures[`${key}_sep_violations`] = c.sepViolations;
        figures[`${key}_static_contacts`] = c.staticContacts;
        figures[`${key}_keep_out_violations`] = c.keepOutViolations;
        figures[`${key}_infeasible_s_mean`] = c.infeasibleS / c.runs;
        if (c.reached > 0) figures[`${key}_time_to_goal_s_mean`] = c.timeToGoalSumS / c.reached;
        rows.push(row(scenario, planner, c));
        console.error(rows[rows.length - 1]);
      }
    }
    console.error(rows.join('\n'));
    return figures;
  },
});
