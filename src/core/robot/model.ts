/**
 * The robot model as read from a URDF: links with their collision geometry, joints with origins, axes and
 * limits, and the tree they form. Plain data (no gl-matrix objects) so any core can read it.
 */

export type Vec3 = readonly [number, number, number];

/** A rigid transform: translation [m] then fixed-axis roll-pitch-yaw [rad] (URDF `<origin>`). */
export interface Origin {
  xyz: Vec3;
  rpy: Vec3;
}

export type Geometry =
  | { kind: 'box'; sizeM: Vec3 }
  | { kind: 'cylinder'; radiusM: number; lengthM: number }
  | { kind: 'sphere'; radiusM: number }
  /** meshes are named, never loaded: `package://` URIs point outside this process */
  | { kind: 'mesh'; uri: string; scale: Vec3 };

export interface Shape {
  /** pose of the shape in its link frame */
  origin: Origin;
  geometry: Geometry;
}

export interface Link {
  name: string;
  collisions: readonly Shape[];
  visuals: readonly Shape[];
}

export type JointType = 'revolute' | 'continuous' | 'prismatic' | 'fixed';

export interface JointLimits {
  /** [rad] or [m]; -Infinity / +Infinity for continuous joints */
  lower: number;
  upper: number;
  /** [rad/s] or [m/s]; Infinity when the URDF gives none (continuous joints may omit <limit>) */
  velocity: number;
  /** [N·m] or [N] */
  effort: number;
}

export interface Mimic {
  joint: string;
  multiplier: number;
  offset: number;
}

export interface Joint {
  name: string;
  type: JointType;
  parent: string;
  child: string;
  /** pose of the joint frame (= child link frame at q = 0) in the parent link frame */
  origin: Origin;
  /** unit axis in the joint frame */
  axis: Vec3;
  limits: JointLimits;
  mimic: Mimic | undefined;
}

export interface RobotModel {
  name: string;
  rootLink: string;
  /** links by name, in document order */
  links: ReadonlyMap<string, Link>;
  /** joints by name, in document order */
  joints: ReadonlyMap<string, Joint>;
  /** joints in parent-before-child order (every joint comes after the joint of its parent link) */
  jointsInTreeOrder: readonly Joint[];
  /** joint whose child is the link; undefined for the root */
  parentJointOf: ReadonlyMap<string, Joint>;
  /** movable joints (non-fixed) on the chain base_link → tool_tip, in order from the base */
  armJointNames: readonly string[];
  /** every `package://` or other mesh URI, named for reports; never loaded */
  meshUris: readonly string[];
}

/** A URDF that cannot be used; the message names the element, link or joint. */
export class UrdfError extends Error {
  override name = 'UrdfError';
}
