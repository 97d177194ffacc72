import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/math/rng.js';
import { CORRIDOR, ColliderKind, corridorLayout } from '../../src/sim/layout.js';
import { insidePolygon } from '../../src/sim/scenario.js';
import { getScenario } from '../../src/sim/scenarios/index.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('crossing scenario', () => {
  it('sends every person from a side passage across the corridor into the opposite one, once', () => {
    for (const seed of SEEDS) {
      const s = getScenario('crossing').build(createRng(seed));
      expect(s.people.length).toBeGreaterThanOrEqual(2);
      for (const p of s.people) {
        const walk = p.legs.find((l) => l.kind === 'walk');
        if (walk?.kind !== 'walk') throw new Error(`seed ${seed}: person ${p.id} has no walk leg`);
        expect(p.loop).toBe(false);
        // waits outside the corridor, ends outside it on the other side
        expect(Math.abs(p.startYM)).toBeGreaterThan(CORRIDOR.halfWidthM + p.radiusM);
        expect(Math.abs(walk.yM)).toBeGreaterThan(CORRIDOR.halfWidthM + p.radiusM);
        expect(Math.sign(walk.yM)).toBe(-Math.sign(p.startYM));
        expect(walk.speedMps).toBeGreaterThanOrEqual(0.7);
        expect(walk.speedMps).toBeLessThanOrEqual(1.5);
        // the straight walk stays inside one doorway (clear of its jambs by the person's radius)
        const door = CORRIDOR.doorwayXM.find((d) => Math.abs(d - p.startXM) < CORRIDOR.doorwayHalfWidthM);
        expect(door, `seed ${seed}`).toBeDefined();
        for (const x of [p.startXM, walk.xM])
          expect(Math.abs(x - (door as number)) + p.radiusM).toBeLessThan(CORRIDOR.doorwayHalfWidthM);
      }
    }
  });

  it('keeps the goal at the far end with a 60 s default', () => {
    const s = getScenario('crossing').build(createRng(1));
    expect(s.goal.xM - s.start.xM).toBeCloseTo(10, 9);
    expect(s.defaultDurationS).toBe(60);
  });

  it('leaves each doorway open: no wall box covers its centre line at the corridor walls', () => {
    const walls = corridorLayout().boxes.filter((b) => b.name !== 'floor');
    for (const dx of CORRIDOR.doorwayXM) {
      for (const y of [-CORRIDOR.halfWidthM - 0.05, CORRIDOR.halfWidthM + 0.05]) {
        for (let x = dx - 0.5; x <= dx + 0.5; x += 0.05) {
          const hit = walls.find((b) => Math.abs(x - b.x) <= b.hx && Math.abs(y - b.y) <= b.hy);
          expect(hit?.name, `(${x.toFixed(2)}, ${y})`).toBeUndefined();
        }
      }
    }
  });

  it('closes the corridor elsewhere: the wall line is solid between the doorways', () => {
    const walls = corridorLayout().boxes.filter((b) => b.name !== 'floor');
    // midway between the doorways (−2 and 1.5) and near both ends
    for (const x of [-0.25, -5.5, 5.5]) {
      for (const y of [-1.25, 1.25]) {
        expect(walls.some((b) => Math.abs(x - b.x) <= b.hx && Math.abs(y - b.y) <= b.hy)).toBe(true);
      }
    }
  });
});

describe('crossing keep-out zones', () => {
  const s = getScenario('crossing').build(createRng(1));
  const inZone = (x: number, y: number): boolean =>
    s.keepOutZones.some((z) => insidePolygon(x, y, z.polygon));

  it('cover every wall panel and the side passages, and leave the corridor floor free', () => {
    for (const b of s.layout.boxes) {
      if (b.kind !== ColliderKind.wall) continue;
      expect(inZone(b.x, b.y), b.name).toBe(true);
    }
    expect(inZone(CORRIDOR.doorwayXM[0] as number, 3)).toBe(true); // a side passage
    for (let x = -5.5; x <= 5.5; x += 0.5) {
      for (const y of [-1.1, 0, 1.1]) expect(inZone(x, y), `(${x}, ${y})`).toBe(false);
    }
  });
});
