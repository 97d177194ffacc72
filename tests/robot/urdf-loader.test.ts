import { describe, expect, it } from 'vitest';
import { loadUrdf, UrdfError } from '../../src/core/robot/index.js';
import { joint, readRepoFile, urdf } from '../fixtures/urdf/builders.js';

describe('loadUrdf on the package robot', () => {
  const model = loadUrdf(readRepoFile('urdf/robot.urdf'));

  it('finds the root, the arm chain to tool_tip in order, and every frame the nodes need', () => {
    expect(model.name).toBe('wmpc_robot');
    expect(model.rootLink).toBe('base_link');
    expect(model.armJointNames).toEqual(['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch']);
    for (const frame of [
      'tool_tip',
      'camera_link',
      'camera_optical_frame',
      'left_wheel_link',
      'right_wheel_link',
    ]) {
      expect(model.links.has(frame)).toBe(true);
    }
  });

  it('reads joint types, axes and limits as written', () => {
    const elbow = model.joints.get('arm_elbow_pitch');
    expect(elbow).toMatchObject({
      type: 'revolute',
      parent: 'arm_upper_link',
      child: 'arm_forearm_link',
      axis: [0, 1, 0],
    });
    expect(elbow?.limits).toEqual({ lower: -2.4, upper: 2.4, velocity: 1.8, effort: 15 });
    const wheel = model.joints.get('left_wheel_joint');
    expect(wheel?.type).toBe('continuous');
    expect(wheel?.limits.lower).toBe(Number.NEGATIVE_INFINITY);
    expect(wheel?.limits.velocity).toBe(12);
  });

  it('keeps collision geometry for every link with a body', () => {
    expect(model.links.get('base_link')?.collisions[0]?.geometry).toEqual({
      kind: 'box',
      sizeM: [0.5, 0.4, 0.2],
    });
    expect(model.links.get('arm_upper_link')?.collisions[0]?.geometry).toEqual({
      kind: 'cylinder',
      radiusM: 0.035,
      lengthM: 0.3,
    });
    expect(model.links.get('caster_link')?.collisions[0]?.geometry).toEqual({
      kind: 'sphere',
      radiusM: 0.04,
    });
    expect(model.meshUris).toEqual([]);
  });
});

describe('loadUrdf on a vendor-style description', () => {
  const model = loadUrdf(readRepoFile('tests/fixtures/urdf/vendor_arm.urdf'));

  it('names package:// meshes without loading them and reads mimic and continuous joints', () => {
    expect(model.meshUris).toContain('package://acme_a3_description/meshes/collision/base.stl');
    expect(model.links.get('a3_base')?.collisions[0]?.geometry).toMatchObject({
      kind: 'mesh',
      scale: [0.001, 0.001, 0.001],
    });
    expect(model.joints.get('a3_finger_right_joint')?.mimic).toEqual({
      joint: 'a3_finger_left_joint',
      multiplier: 1,
      offset: 0,
    });
    expect(model.joints.get('a3_wrist')?.type).toBe('continuous');
    expect(model.rootLink).toBe('world');
    expect(model.armJointNames).toEqual([]); // no tool_tip link
  });
});

describe('loadUrdf errors name the joint, link or element', () => {
  const load =
    (text: string): (() => unknown) =>
    () =>
      loadUrdf(text);

  it('rejects a joint whose parent link does not exist', () => {
    expect(load(urdf(['a', 'b'], [joint('j1', 'revolute', 'ghost', 'b')]))).toThrow(
      /joint 'j1' <parent>: link 'ghost' does not exist/,
    );
  });

  it('rejects a joint whose child link does not exist', () => {
    expect(load(urdf(['a'], [joint('j1', 'fixed', 'a', 'ghost')]))).toThrow(
      /joint 'j1' <child>: link 'ghost'/,
    );
  });

  it('rejects a cycle', () => {
    const text = urdf(
      ['a', 'b', 'c'],
      [joint('ab', 'fixed', 'a', 'b'), joint('bc', 'fixed', 'b', 'c'), joint('ca', 'fixed', 'c', 'a')],
    );
    expect(load(text)).toThrow(/cycle/);
  });

  it('rejects a cycle hanging off a valid tree', () => {
    const text = urdf(['r', 'a', 'b'], [joint('ab', 'fixed', 'a', 'b'), joint('ba', 'fixed', 'b', 'a')]);
    expect(load(text)).toThrow(/cycle through link\(s\) a, b/);
  });

  it('rejects two roots', () => {
    expect(load(urdf(['a', 'b', 'c'], [joint('ab', 'fixed', 'a', 'b')]))).toThrow(/2 roots \(a, c\)/);
  });

  it('rejects a link with two parents', () => {
    const text = urdf(['a', 'b', 'c'], [joint('ac', 'fixed', 'a', 'c'), joint('bc', 'fixed', 'b', 'c')]);
    expect(load(text)).toThrow(/link 'c' is the child of two joints \('ac' and 'bc'\)/);
  });

  it('rejects a non-numeric limit on a revolute joint', () => {
    const extra = '<axis xyz="0 0 1"/><limit lower="-1" upper="one" velocity="1" effort="1"/>';
    expect(load(urdf(['a', 'b'], [joint('elbow', 'revolute', 'a', 'b', extra)]))).toThrow(
      /joint 'elbow' <limit> attribute 'upper': expected a finite number, got 'one'/,
    );
  });

  it('rejects a revolute joint without <limit>', () => {
    expect(load(urdf(['a', 'b'], [joint('elbow', 'revolute', 'a', 'b', '<axis xyz="0 0 1"/>')]))).toThrow(
      /joint 'elbow' <limit>: a revolute joint needs <limit lower upper velocity effort>/,
    );
  });

  it('rejects a limit attribute that is missing', () => {
    const extra = '<limit lower="-1" upper="1" effort="1"/>';
    expect(load(urdf(['a', 'b'], [joint('slide', 'prismatic', 'a', 'b', extra)]))).toThrow(
      /joint 'slide' <limit>: attribute 'velocity' is missing/,
    );
  });

  it('rejects an unknown joint type', () => {
    expect(load(urdf(['a', 'b'], [joint('j', 'hinge', 'a', 'b')]))).toThrow(
      /joint 'j': unknown joint type 'hinge'/,
    );
  });

  it('rejects malformed vectors and text that is not a robot', () => {
    const extra = '<origin xyz="0 0" rpy="0 0 0"/>';
    expect(load(urdf(['a', 'b'], [joint('j', 'fixed', 'a', 'b', extra)]))).toThrow(
      /joint 'j' <origin> attribute 'xyz': expected 3 numbers/,
    );
    expect(load('<robt/>')).toThrow(UrdfError);
  });
});
