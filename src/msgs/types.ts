/** ROS type names as the transports and recorders spell them ("pkg/msg/Name"). */
export const MsgType = {
  Image: 'sensor_msgs/msg/Image',
  CompressedImage: 'sensor_msgs/msg/CompressedImage',
  JointState: 'sensor_msgs/msg/JointState',
  Odometry: 'nav_msgs/msg/Odometry',
  Twist: 'geometry_msgs/msg/Twist',
  TwistStamped: 'geometry_msgs/msg/TwistStamped',
  Float64MultiArray: 'std_msgs/msg/Float64MultiArray',
  String: 'std_msgs/msg/String',
  MarkerArray: 'visualization_msgs/msg/MarkerArray',
  DiagnosticArray: 'diagnostic_msgs/msg/DiagnosticArray',
  Clock: 'rosgraph_msgs/msg/Clock',
  TFMessage: 'tf2_msgs/msg/TFMessage',
  LatentState: 'world_model_mpc/msg/LatentState',
  ActionCommand: 'world_model_mpc/msg/ActionCommand',
  Plan: 'world_model_mpc/msg/Plan',
  SafetyVerdict: 'world_model_mpc/msg/SafetyVerdict',
  TrackedPersonArray: 'world_model_mpc/msg/TrackedPersonArray',
  ToolState: 'world_model_mpc/msg/ToolState',
  GoalRoute: 'world_model_mpc/msg/GoalRoute',
} as const;
export type MsgTypeName = (typeof MsgType)[keyof typeof MsgType];
