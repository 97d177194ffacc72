import { describe, expect, it } from 'vitest';
import {
  baseToOdometry,
  odometryToBase,
  personsToTrackedPeople,
  quaternionFromYaw,
  toolInfoToState,
  toolStateToInfo,
  trackedPeopleToPersons,
  yawFromQuaternion,
} from '../../src/nodes/convert/index.js';

const header = (frame_id: string) => ({ stamp: { sec: 0, nanosec: 0 }, frame_id });

describe('Odometry ⇄ BaseState', () => {
  it('reads yaw from the quaternion: a quarter turn about z is π/2', () => {
    // q = (0, 0, sin(π/4), cos(π/4))
    expect(yawFromQuaternion({ x: 0, y: 0, z: Math.SQRT1_2, w: Math.SQRT1_2 })).toBeCloseTo(Math.PI / 2, 12);
  });

  it('reads yaw from an unnormalised quaternion the same way', () => {
    expect(yawFromQuaternion({ x: 0, y: 0, z: 2, w: 2 })).toBeCloseTo(Math.PI / 2, 12);
  });

  it('refuses the all-zero quaternion', () => {
    expect(() => yawFromQuaternion({ x: 0, y: 0, z: 0, w: 0 }, '/odom')).toThrow(/unit quaternion/);
  });

  it('round-trips a base state', () => {
    const base = { xInOdomM: 1.5, yInOdomM: -2, yawInOdomRad: 3, vMps: 0.4, wRadps: -0.2 };
    const msg = baseToOdometry(base, header('odom'), 'base_link');
    const back = odometryToBase(msg, { odomFrame: 'odom', baseFrame: 'base_link' });
    expect(back.xInOdomM).toBe(1.5);
    expect(back.yInOdomM).toBe(-2);
    expect(back.yawInOdomRad).toBeCloseTo(3, 12);
    expect(back.vMps).toBe(0.4);
    expect(back.wRadps).toBe(-0.2);
  });

  it('rejects odometry in another frame, naming expected and got', () => {
    const msg = baseToOdometry(
      { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0, wRadps: 0 },
      header('map'),
      'base_link',
    );
    expect(() => odometryToBase(msg, { odomFrame: 'odom' })).toThrow(
      "topic '/odom': field 'header.frame_id': expected frame 'odom', got 'map'",
    );
  });

  it('rejects a NaN velocity', () => {
    const msg = baseToOdometry(
      { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: Number.NaN, wRadps: 0 },
      header('odom'),
      'b',
    );
    expect(() => odometryToBase(msg)).toThrow(/twist\.twist\.linear\.x/);
  });

  it('writes the yaw quaternion about z only', () => {
    const q = quaternionFromYaw(Math.PI);
    expect(q.x).toBe(0);
    expect(q.y).toBe(0);
    expect(q.z).toBeCloseTo(1, 12);
    expect(q.w).toBeCloseTo(0, 12);
  });
});

describe('TrackedPersonArray ⇄ Person[]', () => {
  const persons = [
    { id: 1, xInOdomM: 2, yInOdomM: 0.5, vxMps: -1, vyMps: 0, radiusM: 0.3 },
    { id: 7, xInOdomM: -1, yInOdomM: 3, vxMps: 0, vyMps: 0.2, radiusM: 0.25 },
  ];

  it('round-trips people', () => {
    const msg = personsToTrackedPeople(persons, header('odom'));
    expect(trackedPeopleToPersons(msg, { odomFrame: 'odom' })).toEqual(persons);
  });

  it('reads an empty list as nobody', () => {
    expect(trackedPeopleToPersons({ header: header('odom'), people: [] })).toEqual([]);
  });

  it('rejects a non-positive radius and duplicate ids', () => {
    const bad = personsToTrackedPeople([{ ...persons[0]!, radiusM: 0 }], header('odom'));
    expect(() => trackedPeopleToPersons(bad)).toThrow(
      "field 'people[0].radius': expected a radius > 0 m, got 0",
    );
    const dup = personsToTrackedPeople([persons[0]!, persons[0]!], header('odom'));
    expect(() => trackedPeopleToPersons(dup)).toThrow(/people\[1\]\.id.*unique ids/);
  });

  it('rejects people in the wrong frame', () => {
    expect(() =>
      trackedPeopleToPersons(personsToTrackedPeople(persons, header('base_link')), { odomFrame: 'odom' }),
    ).toThrow(/expected frame 'odom', got 'base_link'/);
  });
});

describe('ToolState ⇄ ToolInfo', () => {
  it('round-trips a tool', () => {
    const tool = { name: 'knife', held: true, sharp: true };
    expect(toolStateToInfo(toolInfoToState(tool, header('')))).toEqual(tool);
  });

  it('rejects a non-bool field', () => {
    const msg = { header: header(''), tool_name: 'knife', held: 1 as unknown as boolean, sharp: true };
    expect(() => toolStateToInfo(msg)).toThrow("topic '/tool_state': field 'held': expected a bool, got 1");
  });
});
