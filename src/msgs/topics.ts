/**
 * Default topic names. Every node takes these as defaults and a real robot remaps them
 * (launch/bringup.launch.py). The simulator publishes and consumes exactly what a robot would.
 */
export const Topic = {
  cameraImage: '/camera/image_raw',
  jointStates: '/joint_states',
  odom: '/odom',
  people: '/people',
  toolState: '/tool_state',
  latent: '/world_model/latent',
  goalImage: '/world_model/goal_image',
  goalLatent: '/world_model/goal_latent',
  goalRoute: '/world_model/goal_route',
  /** the goal's arm posture (sensor_msgs/JointState, latched): goal images are encoded with it */
  goalJointStates: '/world_model/goal_joint_states',
  proposal: '/mpc_planner/proposal',
  plan: '/mpc_planner/plan',
  planMarkers: '/mpc_planner/markers',
  requests: '/mpc_planner/requests',
  verdict: '/safety_monitor/verdict',
  monitorMarkers: '/safety_monitor/markers',
  cmdVel: '/cmd_vel',
  armCommand: '/arm_controller/commands',
  diagnostics: '/diagnostics',
  clock: '/clock',
  tf: '/tf',
} as const;
