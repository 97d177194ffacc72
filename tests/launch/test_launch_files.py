"""The launch files are valid Python whose nodes, parameters and remappings match the package.

Runs without ROS 2: tests/launch/standins provides recording stand-ins for launch, launch_ros and
ament_index_python (see docs/ROS2.md for why).
"""

import importlib.util
import os
import re
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(HERE, "standins"))

from ament_index_python import packages  # noqa: E402  (stand-in)
from launch.substitutions import LaunchConfiguration  # noqa: E402
from launch_ros.actions import Node  # noqa: E402

packages.SHARE_DIRS["world_model_mpc"] = ROOT
OUR_NODES = ["observation_encoder", "goal_sequencer", "mpc_planner", "safety_monitor"]


def load(name):
    path = os.path.join(ROOT, "launch", name)
    spec = importlib.util.spec_from_file_location(name.replace(".", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nodes_of(description):
    return {e.kwargs["name"]: e for e in description.entities if isinstance(e, Node)}


def declared_args(description):
    return {e.name: e for e in description.entities if type(e).__name__ == "DeclareLaunchArgument"}


def ts_topics():
    """Default topic names from src/msgs/topics.ts, so launch defaults cannot drift from the code."""
    text = open(os.path.join(ROOT, "src", "msgs", "topics.ts"), encoding="utf-8").read()
    return dict(re.findall(r"(\w+): '([^']+)'", text))


def cmake_wrappers():
    text = open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8").read()
    return re.search(r"foreach\(NODE_NAME ([^)]*)\)", text).group(1).split()


@pytest.fixture(scope="module")
def bringup():
    return load("bringup.launch.py")


def test_bringup_starts_our_nodes_robot_state_publisher_and_rviz(bringup):
    nodes = nodes_of(bringup.generate_launch_description())
    assert sorted(nodes) == sorted(OUR_NODES + ["robot_state_publisher", "rviz2"])
    wrappers = cmake_wrappers()
    for name in OUR_NODES:
        assert nodes[name].kwargs["package"] == "world_model_mpc"
        assert nodes[name].kwargs["executable"] in wrappers


def test_our_nodes_get_the_params_file_then_use_sim_time(bringup):
    description = bringup.generate_launch_description()
    nodes = nodes_of(description)
    for name in OUR_NODES:
        params = nodes[name].kwargs["parameters"]
        assert params[0] == LaunchConfiguration("params_file")
        assert params[1] == {"use_sim_time": LaunchConfiguration("use_sim_time")}
    default = declared_args(description)["params_file"].kwargs["default_value"]
    assert default == os.path.join(ROOT, "config", "params.yaml")
    assert os.path.isfile(default)


def test_every_remapping_has_a_launch_argument_defaulting_to_our_topic(bringup):
    description = bringup.generate_launch_description()
    args = declared_args(description)
    topics = set(ts_topics().values())
    for node in nodes_of(description).values():
        for source, target in node.kwargs.get("remappings", []):
            assert source in topics, f"{source} is not a default topic of src/msgs/topics.ts"
            assert isinstance(target, LaunchConfiguration)
            assert args[target.name].kwargs["default_value"] == source


def test_monitor_remaps_the_command_topics_a_real_robot_renames(bringup):
    monitor = nodes_of(bringup.generate_launch_description())["safety_monitor"]
    sources = [s for s, _ in monitor.kwargs["remappings"]]
    assert "/cmd_vel" in sources and "/arm_controller/commands" in sources
    planner = nodes_of(bringup.generate_launch_description())["mpc_planner"]
    assert "/cmd_vel" not in [s for s, _ in planner.kwargs["remappings"]]  # only the monitor commands the robot


def test_robot_state_publisher_gets_the_urdf_text(bringup):
    rsp = nodes_of(bringup.generate_launch_description())["robot_state_publisher"]
    urdf = open(os.path.join(ROOT, "urdf", "robot.urdf"), encoding="utf-8").read()
    assert rsp.kwargs["parameters"][0]["robot_description"] == urdf


def test_rviz_is_optional_and_opens_our_config(bringup):
    rviz = nodes_of(bringup.generate_launch_description())["rviz2"]
    assert rviz.kwargs["condition"].args[0] == LaunchConfiguration("use_rviz")
    config = rviz.kwargs["arguments"][1]
    assert os.path.isfile(config), config


def test_sim_launch_adds_the_simulator_and_includes_bringup_on_sim_time():
    description = load("sim.launch.py").generate_launch_description()
    simulator = nodes_of(description)["simulator"]
    assert simulator.kwargs["executable"] in cmake_wrappers()
    assert simulator.kwargs["parameters"][1]["use_sim_time"] is False  # it publishes /clock
    include = next(e for e in description.entities if type(e).__name__ == "IncludeLaunchDescription")
    source = include.args[0]
    assert source.args[0] == os.path.join(ROOT, "launch", "bringup.launch.py")
    assert dict(include.kwargs["launch_arguments"])["use_sim_time"] == "true"


def test_stand_ins_refuse_a_keyword_the_real_class_lacks():
    with pytest.raises(TypeError, match="remapings"):
        Node(package="p", executable="e", remapings=[])
