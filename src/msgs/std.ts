/**
 * Standard ROS 2 messages the package uses, in the plain-object form rclnodejs produces and the
 * in-process bus carries. Field names and types mirror the .msg definitions one to one (see
 * tests/msgs/consistency.test.ts). Numeric arrays may arrive as typed arrays or plain arrays.
 */

export type NumberArray = number[] | Float64Array | Float32Array;

/** builtin_interfaces/Time */
export interface Time {
  sec: number;
  nanosec: number;
}

/** std_msgs/Header */
export interface Header {
  stamp: Time;
  frame_id: string;
}

/** geometry_msgs/Vector3 */
export interface Vector3 {
  x: number;
  y: number;
  z: number;
}

/** geometry_msgs/Point */
export interface Point {
  x: number;
  y: number;
  z: number;
}

/** geometry_msgs/Quaternion */
export interface Quaternion {
  x: number;
  y: number;
  z: number;
  w: number;
}

/** geometry_msgs/Pose */
export interface Pose {
  position: Point;
  orientation: Quaternion;
}

/** geometry_msgs/Twist */
export interface Twist {
  linear: Vector3;
  angular: Vector3;
}

/** geometry_msgs/TwistStamped */
export interface TwistStamped {
  header: Header;
  twist: Twist;
}

/** geometry_msgs/PoseWithCovariance */
export interface PoseWithCovariance {
  pose: Pose;
  covariance: NumberArray;
}

/** geometry_msgs/TwistWithCovariance */
export interface TwistWithCovariance {
  twist: Twist;
  covariance: NumberArray;
}

/** geometry_msgs/Transform */
export interface Transform {
  translation: Vector3;
  rotation: Quaternion;
}

/** geometry_msgs/TransformStamped */
export interface TransformStamped {
  header: Header;
  child_frame_id: string;
  transform: Transform;
}

/** tf2_msgs/TFMessage */
export interface TFMessage {
  transforms: TransformStamped[];
}

/** nav_msgs/Odometry */
export interface Odometry {
  header: Header;
  child_frame_id: string;
  pose: PoseWithCovariance;
  twist: TwistWithCovariance;
}

/** sensor_msgs/Image */
export interface Image {
  header: Header;
  height: number;
  width: number;
  encoding: string;
  is_bigendian: number;
  step: number;
  data: Uint8Array | number[];
}

/** sensor_msgs/CompressedImage */
export interface CompressedImage {
  header: Header;
  format: string;
  data: Uint8Array | number[];
}

/** sensor_msgs/JointState */
export interface JointState {
  header: Header;
  name: string[];
  position: NumberArray;
  velocity: NumberArray;
  effort: NumberArray;
}

/** std_msgs/MultiArrayDimension */
export interface MultiArrayDimension {
  label: string;
  size: number;
  stride: number;
}

/** std_msgs/MultiArrayLayout */
export interface MultiArrayLayout {
  dim: MultiArrayDimension[];
  data_offset: number;
}

/** std_msgs/Float64MultiArray */
export interface Float64MultiArray {
  layout: MultiArrayLayout;
  data: NumberArray;
}

/** std_msgs/String */
export interface StringMsg {
  data: string;
}

/** std_msgs/ColorRGBA */
export interface ColorRGBA {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** builtin_interfaces/Duration */
export interface Duration {
  sec: number;
  nanosec: number;
}

/** visualization_msgs/Marker (the fields rviz2 reads; mesh and texture fields included for wire compatibility) */
export interface Marker {
  header: Header;
  ns: string;
  id: number;
  type: number;
  action: number;
  pose: Pose;
  scale: Vector3;
  color: ColorRGBA;
  lifetime: Duration;
  frame_locked: boolean;
  points: Point[];
  colors: ColorRGBA[];
  texture_resource: string;
  texture: CompressedImage;
  uv_coordinates: UVCoordinate[];
  text: string;
  mesh_resource: string;
  mesh_file: MeshFile;
  mesh_use_embedded_materials: boolean;
}

/** visualization_msgs/UVCoordinate */
export interface UVCoordinate {
  u: number;
  v: number;
}

/** visualization_msgs/MeshFile */
export interface MeshFile {
  filename: string;
  data: Uint8Array | number[];
}

/** visualization_msgs/MarkerArray */
export interface MarkerArray {
  markers: Marker[];
}

/** diagnostic_msgs/KeyValue */
export interface KeyValue {
  key: string;
  value: string;
}

/** diagnostic_msgs/DiagnosticStatus */
export interface DiagnosticStatus {
  level: number;
  name: string;
  message: string;
  hardware_id: string;
  values: KeyValue[];
}

/** diagnostic_msgs/DiagnosticArray */
export interface DiagnosticArray {
  header: Header;
  status: DiagnosticStatus[];
}

/** rosgraph_msgs/Clock */
export interface ClockMsg {
  clock: Time;
}
