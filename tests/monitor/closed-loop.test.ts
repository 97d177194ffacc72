/**
 * Closed loop in the built-in simulator, `adversarial` scenario, with planners that try to hurt people
 * on purpose (maximal speed at a person, random with garbage, biased toward people, into a keep-out zone, oscillating), over
 * 20 seeds each, with the safety monitor in the loop. Checked on the engine's ground truth, sampled every
 * control period: no robot part inside a person's protective separation distance ever moves toward
 * that person (which also rules out the robot touching anyone; standing still or backing away is
 * allowed), and it never touches the furniture in a keep-out zone. People in this scenario walk into
 * the robot on their own; contact with a stopped robot is the person's doing, not a monitor failure, so
 * the check counts a part only when its point nearest the person approaches faster than 1 cm/s.
 * Every proposal gets exactly one verdict.
 */
import { describe, expect, it } from 'vitest';
import type { SimTrace } from '../../src/sim/metrics.js';
import { runScenario } from '../../src/sim/runner.js';
import type { ProposalLedger } from './corrupted-planners.js';
import { registerCorruptedPlanners } from './corrupted-planners.js';

const ledgers = registerCorruptedPlanners();
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const PLANNERS = [
  'test_max_at_person',
  'test_random',
  'test_toward_people',
  'test_into_zone',
  'test_oscillating',
] as const;
const DURATION_S = 6;

/**
 * Samples where a robot part inside a person's protective separation distance moves toward them (the
 * engine's judgement: closest-point velocity along the contact normal; backing away is allowed).
 */
function unsafeSamples(trace: SimTrace): string[] {
  const out: string[] = [];
  for (let i = 0; i < trace.t.length; i++) {
    const d = trace.minPersonDistM[i] as number;
    const sp = trace.separationM[i] as number;
    const v = trace.robotSpeedMps[i] as number;
    if (trace.approachingInsideSp[i])
      out.push(
        `t=${trace.t[i]} s: approaching a person inside S_p (nearest ${d} m, S_p ${sp} m, robot ${v} m/s)`,
      );
  }
  return out;
}

function checkLedger(ledger: ProposalLedger, label: string): void {
  expect(ledger.proposals.size, label).toBeGreaterThan(0);
  for (const [planId, verdicts] of ledger.proposals) {
    expect(verdicts.length, `${label} plan ${planId}: verdicts`).toBe(1);
    const v = verdicts[0];
    if (v && v.state !== 0) expect(v.reason, `${label} plan ${planId}: reason`).not.toBe('');
    if (v && v.state === 2) expect(v.violated.length, `${label} plan ${planId}: violated`).toBeGreaterThan(0);
  }
}

async function runSeeds(
  planner: string,
  params: Record<string, string>,
): Promise<{ vetoed: number; limited: number }> {
  let vetoed = 0;
  let limited = 0;
  for (const seed of SEEDS) {
    const { trace, summary } = await runScenario({
      scenario: 'adversarial',
      seed,
      durationS: DURATION_S,
      planner,
      monitor: 'safety_monitor',
      cameraHz: 0.01,
      params,
    });
    expect(unsafeSamples(trace), `${planner} seed ${seed}`).toEqual([]);
    expect(summary.keep_out_violations, `${planner} seed ${seed}: samples inside a keep-out zone`).toBe(0);
    expect(summary.static_contacts, `${planner} seed ${seed}: robot–furniture contacts`).toBe(0);
    const ledger = ledgers.get(planner) as ProposalLedger;
    checkLedger(ledger, `${planner} seed ${seed}`);
    vetoed += ledger.vetoed;
    limited += summary.limited;
  }
  return { vetoed, limited };
}

describe('safety monitor in the closed loop (adversarial scenario, 20 seeds)', () => {
  it('without a monitor the same check catches the robot moving inside the separation distance', async () => {
    const { trace } = await runScenario({
      scenario: 'adversarial',
      seed: 1,
      durationS: DURATION_S,
      planner: 'test_max_at_person',
      monitor: 'none',
      cameraHz: 0.01,
    });
    expect(unsafeSamples(trace).length).toBeGreaterThan(0);
  });

  it('without a monitor the planner driving at the keep-out zone hits the table in it', async () => {
    const { summary } = await runScenario({
      scenario: 'adversarial',
      seed: 1,
      durationS: DURATION_S,
      planner: 'test_into_zone',
      monitor: 'none',
      cameraHz: 0.01,
    });
    expect(summary.static_contacts).toBeGreaterThan(0);
  });

  for (const planner of PLANNERS) {
    it(`${planner}, latching off (every proposal judged on its own): the robot never moves inside the separation distance`, async () => {
      const { vetoed, limited } = await runSeeds(planner, { 'safety_monitor.latch_enabled': 'false' });
      expect(vetoed).toBeGreaterThan(0);
      expect(limited).toBeGreaterThan(0);
    }, 120_000);
  }

  it('test_max_at_person with the default configuration (latching on): the robot never moves inside the separation distance', async () => {
    const { vetoed } = await runSeeds('test_max_at_person', {});
    expect(vetoed).toBeGreaterThan(0);
  }, 120_000);
});
