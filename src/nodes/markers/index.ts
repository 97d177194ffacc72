/** Pure builders of visualization_msgs/Marker from core data (rviz debugging; built only when watched). */
export * from './marker-base.js';
export * from './paths.js';
export * from './people.js';
export * from './zones.js';
export * from './verdict.js';
