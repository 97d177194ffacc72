/**
 * Property: whatever arrives (random states, people, stale inputs, garbage proposals: NaN, Inf, huge
 * values, wrong lengths), the executed command either passes the constraint library's stopping check
 * or is exactly the braking command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariant, scenarioArb } from './arbitraries.js';
import { createFakeConstraints } from './fake-constraints.js';

describe('monitor properties (analytic stand-in constraints)', () => {
  it('the executed command always passes the stopping check or is the braking command', () => {
    const c = createFakeConstraints();
    const kinds = new Set<string>();
    fc.assert(
      fc.property(scenarioArb(c.actionDim, 3), (s) => {
        kinds.add(checkInvariant(c, s).kind);
      }),
      { numRuns: 3000, seed: 7 },
    );
    // the generator reaches every outcome, so the property is not vacuous
    expect([...kinds].sort()).toEqual(['limit', 'pass', 'veto']);
  });
});
