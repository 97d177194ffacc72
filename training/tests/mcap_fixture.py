"""Writes a tiny synthetic recording with the simulator's topic contract (ROS 2 CDR in MCAP).

A differential-drive robot follows random piecewise-constant commands; its camera image is a
function of the pose (background tint from yaw, a bar whose column depends on yaw and x), so a
world model can learn something in a few hundred steps. Log times are wall clock (offset from the
header stamps) to exercise the clock alignment.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from mcap_ros2.writer import Writer

TIME = "int32 sec\nuint32 nanosec\n"
HEADER = "builtin_interfaces/Time stamp\nstring frame_id\n"
VEC3 = "float64 x\nfloat64 y\nfloat64 z\n"
QUAT = "float64 x\nfloat64 y\nfloat64 z\nfloat64 w\n"


def _defs(main: str, *deps: tuple[str, str]) -> str:
    sep = "=" * 80
    return main + "".join(f"{sep}\nMSG: {name}\n{text}" for name, text in deps)


DEFS = {
    "sensor_msgs/msg/Image": _defs(
        "std_msgs/Header header\nuint32 height\nuint32 width\nstring encoding\nuint8 is_bigendian\nuint32 step\nuint8[] data\n",
        ("std_msgs/Header", HEADER), ("builtin_interfaces/Time", TIME)),
    "sensor_msgs/msg/JointState": _defs(
        "std_msgs/Header header\nstring[] name\nfloat64[] position\nfloat64[] velocity\nfloat64[] effort\n",
        ("std_msgs/Header", HEADER), ("builtin_interfaces/Time", TIME)),
    "nav_msgs/msg/Odometry": _defs(
        "std_msgs/Header header\nstring child_frame_id\ngeometry_msgs/PoseWithCovariance pose\ngeometry_msgs/TwistWithCovariance twist\n",
        ("std_msgs/Header", HEADER), ("builtin_interfaces/Time", TIME),
        ("geometry_msgs/PoseWithCovariance", "geometry_msgs/Pose pose\nfloat64[36] covariance\n"),
        ("geometry_msgs/Pose", "geometry_msgs/Point position\ngeometry_msgs/Quaternion orientation\n"),
        ("geometry_msgs/Point", VEC3), ("geometry_msgs/Quaternion", QUAT),
        ("geometry_msgs/TwistWithCovariance", "geometry_msgs/Twist twist\nfloat64[36] covariance\n"),
        ("geometry_msgs/Twist", "geometry_msgs/Vector3 linear\ngeometry_msgs/Vector3 angular\n"),
        ("geometry_msgs/Vector3", VEC3)),
    "world_model_mpc/msg/TrackedPersonArray": _defs(
        "std_msgs/Header header\nworld_model_mpc/TrackedPerson[] people\n",
        ("std_msgs/Header", HEADER), ("builtin_interfaces/Time", TIME),
        ("world_model_mpc/TrackedPerson", "uint32 id\ngeometry_msgs/Point position\ngeometry_msgs/Vector3 velocity\nfloat64 radius\n"),
        ("geometry_msgs/Point", VEC3), ("geometry_msgs/Vector3", VEC3)),
    "geometry_msgs/msg/Twist": _defs(
        "geometry_msgs/Vector3 linear\ngeometry_msgs/Vector3 angular\n", ("geometry_msgs/Vector3", VEC3)),
    "std_msgs/msg/Float64MultiArray": _defs(
        "std_msgs/MultiArrayLayout layout\nfloat64[] data\n",
        ("std_msgs/MultiArrayLayout", "std_msgs/MultiArrayDimension[] dim\nuint32 data_offset\n"),
        ("std_msgs/MultiArrayDimension", "string label\nuint32 size\nuint32 stride\n")),
}
JOINTS = ["arm_shoulder_yaw", "arm_shoulder_pitch", "arm_elbow_pitch"]
H, W, STEP = 40, 48, 48 * 3 + 4  # bgr8 with 4 bytes of row padding
STAMP0_SEC = 1000.0
LOG_OFFSET_SEC = 1.7e9


def render(x: float, yaw: float, q0: float) -> bytes:
    img = np.zeros((H, STEP), np.uint8)
    px = img[:, : W * 3].reshape(H, W, 3)
    px[:, :, 0] = int(127 + 120 * math.cos(yaw))  # blue channel (bgr8)
    px[:, :, 2] = int(127 + 120 * math.sin(yaw))
    col = int((W / 2 + 10 * math.sin(yaw) + 4 * x) % W)
    px[:, max(0, col - 3) : col + 3, 1] = 255
    px[int(20 + 8 * math.sin(q0)) :, :, 1] //= 2
    return img.tobytes()


def _stamp(t: float) -> dict:
    return {"sec": int(t), "nanosec": int(round((t - int(t)) * 1e9))}


def write_fixture(path: Path, *, seconds: float = 60.0, seed: int = 0, period: float = 0.1) -> Path:
    rng = np.random.default_rng(seed)
    x = y = yaw = 0.0
    q = np.zeros(3)
    v = w = 0.0
    qd = np.zeros(3)
    with open(path, "wb") as f:
        wr = Writer(f)
        sch = {k: wr.register_msgdef(k, d) for k, d in DEFS.items()}
        for i in range(int(seconds / period)):
            t = STAMP0_SEC + i * period
            hdr = {"stamp": _stamp(t), "frame_id": "odom"}
            log_ns = int(round((t + LOG_OFFSET_SEC) * 1e9))
            wr.write_message("/camera/image_raw", sch["sensor_msgs/msg/Image"], {
                "header": {**hdr, "frame_id": "camera_optical_frame"}, "height": H, "width": W, "encoding": "bgr8",
                "is_bigendian": 0, "step": STEP, "data": render(x, yaw, q[0])}, log_time=log_ns)
            wr.write_message("/joint_states", sch["sensor_msgs/msg/JointState"], {
                "header": hdr, "name": JOINTS, "position": q.tolist(), "velocity": qd.tolist(), "effort": []},
                log_time=log_ns)
            wr.write_message("/odom", sch["nav_msgs/msg/Odometry"], {
                "header": hdr, "child_frame_id": "base_link",
                "pose": {"pose": {"position": {"x": x, "y": y, "z": 0.0},
                                  "orientation": {"x": 0.0, "y": 0.0, "z": math.sin(yaw / 2), "w": math.cos(yaw / 2)}},
                         "covariance": [0.0] * 36},
                "twist": {"twist": {"linear": {"x": v, "y": 0.0, "z": 0.0}, "angular": {"x": 0.0, "y": 0.0, "z": w}},
                          "covariance": [0.0] * 36}}, log_time=log_ns)
            wr.write_message("/people", sch["world_model_mpc/msg/TrackedPersonArray"], {
                "header": hdr, "people": [{"id": 1, "position": {"x": 2.0, "y": 1.0, "z": 0.0},
                                           "velocity": {"x": 0.0, "y": 0.0, "z": 0.0}, "radius": 0.3}]},
                log_time=log_ns)
            if i % 10 == 0:
                v, w = float(rng.uniform(-0.5, 0.5)), float(rng.uniform(-1.0, 1.0))
                qd = rng.uniform(-0.5, 0.5, 3)
            cmd_ns = log_ns + 1_000_000  # the controller publishes 1 ms after the observation
            wr.write_message("/cmd_vel", sch["geometry_msgs/msg/Twist"], {
                "linear": {"x": v, "y": 0.0, "z": 0.0}, "angular": {"x": 0.0, "y": 0.0, "z": w}}, log_time=cmd_ns)
            wr.write_message("/arm_controller/commands", sch["std_msgs/msg/Float64MultiArray"], {
                "layout": {"dim": [], "data_offset": 0}, "data": qd.tolist()}, log_time=cmd_ns)
            x += v * math.cos(yaw) * period
            y += v * math.sin(yaw) * period
            yaw += w * period
            q = q + qd * period
        wr.finish()
    return path
