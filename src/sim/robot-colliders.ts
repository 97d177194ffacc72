/** Rapier collider descriptions for URDF collision shapes, with the robot's collision groups and events. */
import type RAPIER from '@dimforge/rapier3d-compat';
import { mat4 } from 'gl-matrix';
import type { Geometry } from '../core/robot/index.js';
import type { Rapier } from './rapier.js';
import { Group, interactionGroups } from './scene.js';

/** Robot colliders meet static geometry and people (events on); arm links are also seen by the camera. */
export function robotGroups(r: Rapier, desc: RAPIER.ColliderDesc, isArm: boolean): RAPIER.ColliderDesc {
  const own = isArm ? Group.robotArm : Group.robotBase;
  return desc
    .setCollisionGroups(interactionGroups(own, Group.static | Group.people | (isArm ? Group.query : 0)))
    .setActiveCollisionTypes(r.ActiveCollisionTypes.ALL)
    .setActiveEvents(r.ActiveEvents.COLLISION_EVENTS);
}

/** Collider for one URDF shape at `originM` (column-major 4×4) in its link; meshes get none. */
export function linkColliderDesc(
  r: Rapier,
  g: Geometry,
  originM: Float64Array,
  isArm: boolean,
): RAPIER.ColliderDesc | undefined {
  let desc: RAPIER.ColliderDesc;
  const rot = new Float64Array(4);
  mat4.getRotation(rot, originM);
  if (g.kind === 'box') desc = r.ColliderDesc.cuboid(g.sizeM[0] / 2, g.sizeM[1] / 2, g.sizeM[2] / 2);
  else if (g.kind === 'sphere') desc = r.ColliderDesc.ball(g.radiusM);
  else if (g.kind === 'cylinder') {
    desc = r.ColliderDesc.cylinder(g.lengthM / 2, g.radiusM);
    // Rapier's cylinder axis is y, URDF's is z: rotate +90° about x first
    quatMultiply(rot, rot, new Float64Array([Math.SQRT1_2, 0, 0, Math.SQRT1_2]));
  } else return undefined;
  desc
    .setTranslation(originM[12] as number, originM[13] as number, originM[14] as number)
    .setRotation({ x: rot[0] as number, y: rot[1] as number, z: rot[2] as number, w: rot[3] as number });
  return robotGroups(r, desc, isArm);
}

/** out = a · b for quaternions [x, y, z, w] (out may alias a or b). */
function quatMultiply(out: Float64Array, a: Float64Array, b: Float64Array): void {
  const ax = a[0] as number,
    ay = a[1] as number,
    az = a[2] as number,
    aw = a[3] as number;
  const bx = b[0] as number,
    by = b[1] as number,
    bz = b[2] as number,
    bw = b[3] as number;
  out[0] = aw * bx + ax * bw + ay * bz - az * by;
  out[1] = aw * by - ax * bz + ay * bw + az * bx;
  out[2] = aw * bz + ax * by - ay * bx + az * bw;
  out[3] = aw * bw - ax * bx - ay * by - az * bz;
}
