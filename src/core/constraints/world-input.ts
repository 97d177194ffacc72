/** Checks a WorldSnapshot before use: wrong sizes are caller bugs (thrown); non-finite values fail closed. */
import type { WorldSnapshot } from '../types.js';

export function assertWorldShape(world: WorldSnapshot, armJointNames: readonly string[]): void {
  const n = armJointNames.length;
  const r = world.robot;
  if (r.jointPos.length !== n || r.jointVel.length !== n) {
    throw new Error(
      `WorldSnapshot.robot: jointPos/jointVel must have ${n} entries (${armJointNames.join(', ')}), got ${r.jointPos.length}/${r.jointVel.length}`,
    );
  }
}

/** Describes the first non-finite value in the snapshot, or returns undefined when all are finite. */
export function nonFiniteField(world: WorldSnapshot): string | undefined {
  const b = world.robot.base;
  for (const [k, v] of Object.entries(b)) if (!Number.isFinite(v)) return `robot.base.${k} = ${v}`;
  for (let j = 0; j < world.robot.jointPos.length; j++) {
    if (!Number.isFinite(world.robot.jointPos[j] as number))
      return `robot.jointPos[${j}] = ${world.robot.jointPos[j]}`;
    if (!Number.isFinite(world.robot.jointVel[j] as number))
      return `robot.jointVel[${j}] = ${world.robot.jointVel[j]}`;
  }
  for (const p of world.people) {
    for (const v of [p.xInOdomM, p.yInOdomM, p.vxMps, p.vyMps, p.radiusM]) {
      if (!Number.isFinite(v)) return `people[id ${p.id}] has a non-finite field`;
    }
  }
  return undefined;
}

/** Allocation-free version for the hot paths. */
export function worldIsFinite(world: WorldSnapshot): boolean {
  const b = world.robot.base;
  if (!(Number.isFinite(b.xInOdomM) && Number.isFinite(b.yInOdomM) && Number.isFinite(b.yawInOdomRad)))
    return false;
  if (!(Number.isFinite(b.vMps) && Number.isFinite(b.wRadps))) return false;
  const r = world.robot;
  for (let j = 0; j < r.jointPos.length; j++) {
    if (!Number.isFinite(r.jointPos[j] as number) || !Number.isFinite(r.jointVel[j] as number)) return false;
  }
  for (let i = 0; i < world.people.length; i++) {
    const p = world.people[i];
    if (!p || !Number.isFinite(p.xInOdomM + p.yInOdomM + p.radiusM)) return false;
  }
  return true;
}
