import { describe, expect, it } from 'vitest';
import {
  Colour,
  MarkerAction,
  MarkerType,
  basePathMarker,
  deleteAllMarker,
  keepOutZoneMarkers,
  publishIfWatched,
  separationMarkers,
  toolPathMarker,
  verdictTextMarker,
} from '../../src/nodes/markers/index.js';
import type { MarkerArray } from '../../src/msgs/index.js';
import { VerdictState } from '../../src/msgs/index.js';

const odom = { stamp: { sec: 1, nanosec: 0 }, frame_id: 'odom' };

describe('path markers', () => {
  it('draws the base path from the robot through each predicted pose, one colour per step', () => {
    const poses = [1, 0, 0, 2, 0, 0, 3, 1, 0.5];
    const m = basePathMarker(odom, { xInOdomM: 0, yInOdomM: 0 }, poses, 3, [1, 1, 0]);
    expect(m.type).toBe(MarkerType.LINE_STRIP);
    expect(m.points.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1],
    ]);
    expect(m.colors).toEqual([Colour.feasible, Colour.feasible, Colour.feasible, Colour.infeasible]);
  });

  it('colours a whole path with one flag', () => {
    const m = basePathMarker(odom, { xInOdomM: 0, yInOdomM: 0 }, [1, 0, 0], 1, false);
    expect(m.colors).toEqual([Colour.infeasible, Colour.infeasible]);
  });

  it('refuses a pose count larger than the buffer', () => {
    expect(() => basePathMarker(odom, { xInOdomM: 0, yInOdomM: 0 }, [1, 0, 0], 2, true)).toThrow(
      'basePathMarker: 2 points need 6 values, got 3',
    );
  });

  it('draws the tool path in 3-D', () => {
    const m = toolPathMarker(odom, [0.5, 0, 0.8, 0.6, 0.1, 0.9], 2, true);
    expect(m.points).toEqual([
      { x: 0.5, y: 0, z: 0.8 },
      { x: 0.6, y: 0.1, z: 0.9 },
    ]);
  });
});

describe('people and separation markers', () => {
  it('draws a body and a disc of radius body + protective distance per person', () => {
    const person = { id: 4, xInOdomM: 2, yInOdomM: -1, vxMps: 0, vyMps: 0, radiusM: 0.3 };
    const [body, disc] = separationMarkers(odom, [person], [1.2]);
    expect(body?.scale).toEqual({ x: 0.6, y: 0.6, z: 1.7 });
    // disc diameter = 2 × (0.3 + 1.2) = 3.0 m
    expect(disc?.scale.x).toBeCloseTo(3, 12);
    expect(disc?.pose.position).toMatchObject({ x: 2, y: -1 });
    expect([body?.id, disc?.id]).toEqual([0, 1]);
  });

  it('refuses a negative or missing protective distance', () => {
    const person = { id: 4, xInOdomM: 0, yInOdomM: 0, vxMps: 0, vyMps: 0, radiusM: 0.3 };
    expect(() => separationMarkers(odom, [person], [-1])).toThrow(/person 4 must be finite and ≥ 0, got -1/);
    expect(() => separationMarkers(odom, [person], [])).toThrow(/1 people need as many distances, got 0/);
  });
});

describe('keep-out zone markers', () => {
  it('draws a box grown by the margin on every side, with its name above it', () => {
    const zone = {
      name: 'stove',
      type: 'box' as const,
      minInOdomM: [1, 2, 0] as [number, number, number],
      maxInOdomM: [2, 3, 1] as [number, number, number],
    };
    const [shape, label] = keepOutZoneMarkers(odom, [zone], 0.1);
    expect(shape?.type).toBe(MarkerType.CUBE);
    expect(shape?.pose.position).toEqual({ x: 1.5, y: 2.5, z: 0.5 });
    expect(shape?.scale.x).toBeCloseTo(1.2, 12);
    expect(label?.text).toBe('stove');
    expect(label?.pose.position.z).toBeCloseTo(1.2, 12);
  });

  it('draws a polygon prism as 3 segments per vertex', () => {
    const zone = {
      name: 'bench',
      type: 'polygon' as const,
      pointsInOdomM: [
        [0, 0],
        [1, 0],
        [0, 1],
      ] as [number, number][],
      zMinM: 0,
      zMaxM: 1,
    };
    const [shape] = keepOutZoneMarkers(odom, [zone], 0);
    expect(shape?.type).toBe(MarkerType.LINE_LIST);
    expect(shape?.points.length).toBe(3 * 3 * 2);
  });
});

describe('verdict and publishing', () => {
  it('writes the state, violated constraints and reason above the robot', () => {
    const base = { stamp: { sec: 1, nanosec: 0 }, frame_id: 'base_link' };
    const m = verdictTextMarker(base, {
      state: VerdictState.LIMITED,
      reason: 'person near',
      violated: ['separation'],
    });
    expect(m.text).toBe('LIMITED [separation]: person near');
    expect(m.color).toEqual(Colour.warning);
    expect(m.frame_locked).toBe(true);
  });

  it('builds markers only when someone subscribes', () => {
    const sent: MarkerArray[] = [];
    let subscribers = 0;
    const pub = {
      topic: '/m',
      publish: (m: MarkerArray) => sent.push(m),
      subscriptionCount: () => subscribers,
    };
    let built = 0;
    const build = (): MarkerArray => {
      built++;
      return { markers: [deleteAllMarker(odom, 'x')] };
    };
    expect(publishIfWatched(pub, build)).toBe(false);
    subscribers = 1;
    expect(publishIfWatched(pub, build)).toBe(true);
    expect(built).toBe(1);
    expect(sent[0]?.markers[0]?.action).toBe(MarkerAction.DELETEALL);
  });
});
