"""world_model_mpc against the built-in simulator node (hardware-in-the-loop style): everything
bringup.launch.py starts, on simulation time, plus the `simulator` node, which publishes what a robot
would (camera, joint states, odometry, people, tool state, /clock, /tf) on the default topics and
executes /cmd_vel and /arm_controller/commands.
"""

import os

from ament_index_python.packages import get_package_share_directory
from launch import LaunchDescription
from launch.actions import IncludeLaunchDescription
from launch.launch_description_sources import PythonLaunchDescriptionSource
from launch.substitutions import LaunchConfiguration
from launch_ros.actions import Node
from launch.actions import DeclareLaunchArgument

PACKAGE = "world_model_mpc"


def generate_launch_description():
    share = get_package_share_directory(PACKAGE)
    bringup = IncludeLaunchDescription(
        PythonLaunchDescriptionSource(os.path.join(share, "launch", "bringup.launch.py")),
        launch_arguments={
            "use_sim_time": "true",
            "params_file": LaunchConfiguration("params_file"),
            "use_rviz": LaunchConfiguration("use_rviz"),
        }.items(),
    )
    simulator = Node(
        package=PACKAGE,
        executable="simulator",
        name="simulator",
        output="screen",
        # the simulator owns /clock, so it runs on wall time itself
        parameters=[LaunchConfiguration("params_file"), {"use_sim_time": False, "scenario": LaunchConfiguration("scenario")}],
    )
    return LaunchDescription(
        [
            DeclareLaunchArgument("params_file", default_value=os.path.join(share, "config", "params.yaml")),
            DeclareLaunchArgument("use_rviz", default_value="true"),
            DeclareLaunchArgument("scenario", default_value="coffee", description="simulator scenario"),
            simulator,
            bringup,
        ]
    )
