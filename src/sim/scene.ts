/**
 * The physics world: Rapier world with the layout's fixed colliders, collision groups, and a
 * handle → kind table the camera and the ground truth read. Bodies that move (robot links, people)
 * are kinematic and added by their owners through `addKinematic`.
 */
import type RAPIER from '@dimforge/rapier3d-compat';
import type { Rapier } from './rapier.js';
import type { ColliderKind, Layout } from './layout.js';

/** Collision-group bits (membership and filter share them). */
export const Group = {
  static: 0x0001,
  people: 0x0002,
  robotBase: 0x0004,
  robotArm: 0x0008,
  /** camera rays */
  query: 0x0010,
} as const;

export function interactionGroups(membership: number, filter: number): number {
  return ((membership & 0xffff) << 16) | (filter & 0xffff);
}

export class Scene {
  readonly world: RAPIER.World;
  readonly eventQueue: RAPIER.EventQueue;
  private readonly kinds = new Map<number, ColliderKind>();
  private readonly colours = new Map<number, readonly [number, number, number]>();

  constructor(
    readonly rapier: Rapier,
    readonly layout: Layout,
    readonly stepSec: number,
  ) {
    this.world = new rapier.World({ x: 0, y: 0, z: -9.81 });
    this.world.timestep = stepSec;
    this.eventQueue = new rapier.EventQueue(true);
    const ground = this.world.createRigidBody(rapier.RigidBodyDesc.fixed());
    const groups = interactionGroups(Group.static, 0xffff);
    for (const b of layout.boxes) {
      const half = (b.yawRad ?? 0) / 2;
      const desc = rapier.ColliderDesc.cuboid(b.hx, b.hy, b.hz)
        .setTranslation(b.x, b.y, b.z)
        .setRotation({ x: 0, y: 0, z: Math.sin(half), w: Math.cos(half) })
        .setCollisionGroups(groups);
      const collider = this.world.createCollider(desc, ground);
      this.register(collider, b.kind);
      if (b.colour) this.colours.set(collider.handle, b.colour);
    }
  }

  register(collider: RAPIER.Collider, kind: ColliderKind): void {
    this.kinds.set(collider.handle, kind);
  }

  kindOf(handle: number): ColliderKind | undefined {
    return this.kinds.get(handle);
  }

  /** The box's own paint, if the layout gave it one (else the camera uses its kind's colour). */
  colourOf(handle: number): readonly [number, number, number] | undefined {
    return this.colours.get(handle);
  }

  /** A kinematic (position-driven) body at the origin. */
  addKinematic(): RAPIER.RigidBody {
    return this.world.createRigidBody(this.rapier.RigidBodyDesc.kinematicPositionBased());
  }

  /** Advances physics one fixed step; collision events land in `eventQueue`. */
  step(): void {
    this.world.step(this.eventQueue);
  }

  dispose(): void {
    this.eventQueue.free();
    this.world.free();
  }
}
