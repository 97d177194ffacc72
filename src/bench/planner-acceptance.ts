/**
 * `planner-acceptance`: the acceptance table, engine ground truth only. For each scenario
 * (coffee, crossing) and controller (baseline, oracle, mpc when a trained model exists in
 * models/jepa-sim) it runs N seeds (20; 3 with --quick) closed-loop with the safety monitor and
 * reports goal-reached %, contacts and separation violations side by side. Slow: minutes per cell.
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
  infeasibleS: number;
}

async function runCell(scenario: string, planner: string, seeds: number, durationS?: number): Promise<Cell> {
  const cell: Cell = {
    runs: 0,
    reached: 0,
    contacts: 0,
    sepViolations: 0,
    staticContacts: 0,
    infeasibleS: 0,
  };
  for (let seed = 1; seed <= seeds; seed++) {
    const { summary: s } = await runScenario({
      scenario,
      planner,
      seed,
      ...(durationS ? { durationS } : {}),
    });
    cell.runs++;
    if (s.goal_reached) cell.reached++;
    cell.contacts += s.contacts;
    cell.sepViolations += s.separation_violations;
    cell.staticContacts += s.static_contacts;
    cell.infeasibleS += s.infeasible_s;
  }
  return cell;
}

registerBenchmark({
  name: 'planner-acceptance',
  description: 'goal reached %, contacts, separation violations over seeds: baseline vs oracle vs mpc',
  async run({ quick }) {
    const seeds = quick ? 3 : 20;
    const planners = ['baseline', 'oracle'];
    if (existsSync(join(findPackageRoot(), 'models', 'jepa-sim', 'manifest.json'))) planners.push('mpc');
    const figures: Figures = { seeds };
    const rows: string[] = [];
    for (const scenario of ['coffee', 'crossing']) {
      for (const planner of planners) {
        const c = await runCell(scenario, planner, seeds);
        const key = `${scenario}_${planner}`;
        figures[`${key}_goal_pct`] = (100 * c.reached) / c.runs;
        figures[`${key}_contacts`] = c.contacts;
        figures[`${key}_sep_violations`] = c.sepViolations;
        figures[`${key}_static_contacts`] = c.staticContacts;
        rows.push(
          `${scenario.padEnd(9)} ${planner.padEnd(9)} goal ${c.reached}/${c.runs}  contacts ${c.contacts}  ` +
            `separation violations ${c.sepViolations}  static contacts ${c.staticContacts}  mean infeasible ${(c.infeasibleS / c.runs).toFixed(1)} s`,
        );
      }
    }
    console.error(rows.join('\n'));
    return figures;
  },
});
