"""Bring up world_model_mpc on a robot: robot_state_publisher, observation_encoder, mpc_planner,
safety_monitor (parameters from config/params.yaml), optional rviz2.

Remap the robot's topics with launch arguments, e.g.
  ros2 launch world_model_mpc bringup.launch.py \
      camera_topic:=/camera/color/image_raw cmd_vel_topic:=/diff_drive_controller/cmd_vel \
      arm_command_topic:=/arm_velocity_controller/commands
Our nodes use the default names of src/msgs/topics.ts; each argument remaps one of them.
"""

import os

from ament_index_python.packages import get_package_share_directory
from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.conditions import IfCondition
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import Node

PACKAGE = "world_model_mpc"

# launch argument -> (our default topic, help)
TOPIC_ARGUMENTS = {
    "camera_topic": ("/camera/image_raw", "sensor_msgs/Image of the robot's camera"),
    "joint_states_topic": ("/joint_states", "sensor_msgs/JointState with the arm joints"),
    "odom_topic": ("/odom", "nav_msgs/Odometry of the base (odom -> base_link)"),
    "people_topic": ("/people", "world_model_mpc/TrackedPersonArray from the people tracker"),
    "tool_state_topic": ("/tool_state", "world_model_mpc/ToolState: what the arm holds"),
    "cmd_vel_topic": ("/cmd_vel", "base velocity command (diff_drive_controller input)"),
    "arm_command_topic": ("/arm_controller/commands", "std_msgs/Float64MultiArray for a JointGroupVelocityController"),
}

# which remappable topics each node uses
NODE_TOPICS = {
    "observation_encoder": ["camera_topic", "joint_states_topic"],
    "goal_sequencer": [],
    "mpc_planner": ["joint_states_topic", "odom_topic", "people_topic", "tool_state_topic"],
    "safety_monitor": [
        "joint_states_topic",
        "odom_topic",
        "people_topic",
        "tool_state_topic",
        "cmd_vel_topic",
        "arm_command_topic",
    ],
}


def _remappings(node_name):
    return [(TOPIC_ARGUMENTS[arg][0], LaunchConfiguration(arg)) for arg in NODE_TOPICS[node_name]]


def _arguments(share):
    args = [
        DeclareLaunchArgument(
            "params_file",
            default_value=os.path.join(share, "config", "params.yaml"),
            description="ROS 2 params file for the world_model_mpc nodes",
        ),
        DeclareLaunchArgument(
            "use_sim_time", default_value="false", description="use /clock (simulator or bag) instead of wall time"
        ),
        DeclareLaunchArgument("use_rviz", default_value="true", description="start rviz2 with rviz/world_model_mpc.rviz"),
    ]
    for name, (default, help_text) in TOPIC_ARGUMENTS.items():
        args.append(DeclareLaunchArgument(name, default_value=default, description=help_text))
    return args


def world_model_mpc_nodes(share):
    """The nodes of this package plus robot_state_publisher and rviz2 (shared with sim.launch.py)."""
    use_sim_time = LaunchConfiguration("use_sim_time")
    with open(os.path.join(share, "urdf", "robot.urdf"), encoding="utf-8") as f:
        robot_description = f.read()
    nodes = [
        Node(
            package="robot_state_publisher",
            executable="robot_state_publisher",
            name="robot_state_publisher",
            output="screen",
            parameters=[{"robot_description": robot_description, "use_sim_time": use_sim_time}],
            remappings=[("/joint_states", LaunchConfiguration("joint_states_topic"))],
        )
    ]
    for node_name in NODE_TOPICS:
        nodes.append(
            Node(
                package=PACKAGE,
                executable=node_name,
                name=node_name,
                output="screen",
                # the file first, then use_sim_time so the launch argument wins over the file's /** entry
                parameters=[LaunchConfiguration("params_file"), {"use_sim_time": use_sim_time}],
                remappings=_remappings(node_name),
            )
        )
    nodes.append(
        Node(
            package="rviz2",
            executable="rviz2",
            name="rviz2",
            output="log",
            arguments=["-d", os.path.join(share, "rviz", "world_model_mpc.rviz")],
            parameters=[{"use_sim_time": use_sim_time}],
            condition=IfCondition(LaunchConfiguration("use_rviz")),
        )
    )
    return nodes


def generate_launch_description():
    share = get_package_share_directory(PACKAGE)
    return LaunchDescription(_arguments(share) + world_model_mpc_nodes(share))
