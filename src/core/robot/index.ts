/** Robot model: URDF loader, forward kinematics, differential-drive base model. */
export { loadUrdf } from './urdf-loader.js';
export { UrdfError } from './model.js';
export type {
  Geometry,
  Joint,
  JointLimits,
  JointType,
  Link,
  Mimic,
  Origin,
  RobotModel,
  Shape,
  Vec3,
} from './model.js';
export { Kinematics } from './kinematics.js';
export { originMatrix } from './transforms.js';
export type { KinematicsOptions, Pose } from './kinematics.js';
export { advanceBasePose, integrateBasePose, reachableVelocity } from './diff-drive.js';
export type { BaseLimits } from './diff-drive.js';
export { ARM_BASE_LINK, ARM_TIP_LINK } from './urdf-tree.js';
