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
