/** Validated conversions between ROS message objects (src/msgs) and core types (src/core/types.ts). */
export * from './errors.js';
export * from './time.js';
export * from './joint-state.js';
export * from './odometry.js';
export * from './people.js';
export * from './tool.js';
export * from './action.js';
export * from './image.js';
export * from './compressed-image.js';
