"""Reads the topics the world model learns from out of rosbag2 MCAP files (ROS 2 CDR).

Each topic becomes a list of plain tuples with a time in seconds. Sensor messages use their header
stamp; commands (Twist, Float64MultiArray) have no header, so they use the MCAP log time shifted onto
the header clock (see `_clock_offset_sec`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from mcap.reader import make_reader
from mcap_ros2.decoder import DecoderFactory

TOPIC_IMAGE = "/camera/image_raw"
TOPIC_JOINTS = "/joint_states"
TOPIC_ODOM = "/odom"
TOPIC_PEOPLE = "/people"
TOPIC_CMD_VEL = "/cmd_vel"
TOPIC_ARM_CMD = "/arm_controller/commands"
ALL_TOPICS = (TOPIC_IMAGE, TOPIC_JOINTS, TOPIC_ODOM, TOPIC_PEOPLE, TOPIC_CMD_VEL, TOPIC_ARM_CMD)


@dataclass
class RawImage:
    t_sec: float
    height: int
    width: int
    encoding: str
    step: int
    data: bytes


@dataclass
class Recording:
    """One MCAP file's messages, each list sorted by time [s]."""

    path: str
    images: list[RawImage] = field(default_factory=list)
    # (t, {joint name: position})
    joints: list[tuple[float, dict[str, float]]] = field(default_factory=list)
    # (t, x, y, yaw) in the odometry frame
    odom: list[tuple[float, float, float, float]] = field(default_factory=list)
    # (t, [(x, y), ...]) people centres in the odometry frame
    people: list[tuple[float, list[tuple[float, float]]]] = field(default_factory=list)
    # (t, v, w) executed base command
    cmd_vel: list[tuple[float, float, float]] = field(default_factory=list)
    # (t, [qd...]) executed arm joint velocity command
    arm_cmd: list[tuple[float, list[float]]] = field(default_factory=list)


def _stamp_sec(header) -> float:
    return float(header.stamp.sec) + float(header.stamp.nanosec) * 1e-9


def _yaw_from_quaternion(q) -> float:
    return float(np.arctan2(2.0 * (q.w * q.z + q.x * q.y), 1.0 - 2.0 * (q.y * q.y + q.z * q.z)))


def _clock_offset_sec(header_minus_log: list[float]) -> float:
    """Median (header stamp - log time) of sensor messages: maps log times onto the header clock.
    A recorder writing sim time as log time gives ~0; one writing wall time gives a large offset."""
    if not header_minus_log:
        return 0.0
    return float(np.median(np.asarray(header_minus_log)))


def read_recording(path: str | Path) -> Recording:
    rec = Recording(path=str(path))
    offsets: list[float] = []
    commands: list[tuple[str, float, object]] = []
    with open(path, "rb") as f:
        reader = make_reader(f, decoder_factories=[DecoderFactory()])
        for _schema, channel, message, msg in reader.iter_decoded_messages(topics=list(ALL_TOPICS)):
            log_sec = message.log_time * 1e-9
            topic = channel.topic
            if topic in (TOPIC_CMD_VEL, TOPIC_ARM_CMD):
                commands.append((topic, log_sec, msg))
                continue
            t = _stamp_sec(msg.header)
            offsets.append(t - log_sec)
            if topic == TOPIC_IMAGE:
                rec.images.append(
                    RawImage(t, int(msg.height), int(msg.width), str(msg.encoding), int(msg.step), bytes(msg.data))
                )
            elif topic == TOPIC_JOINTS:
                rec.joints.append((t, {n: float(p) for n, p in zip(msg.name, msg.position)}))
            elif topic == TOPIC_ODOM:
                p = msg.pose.pose
                rec.odom.append((t, float(p.position.x), float(p.position.y), _yaw_from_quaternion(p.orientation)))
            elif topic == TOPIC_PEOPLE:
                rec.people.append((t, [(float(q.position.x), float(q.position.y)) for q in msg.people]))
    shift = _clock_offset_sec(offsets)
    for topic, log_sec, msg in commands:
        t = log_sec + shift
        if topic == TOPIC_CMD_VEL:
            rec.cmd_vel.append((t, float(msg.linear.x), float(msg.angular.z)))
        else:
            rec.arm_cmd.append((t, [float(x) for x in msg.data]))
    for lst in (rec.images, rec.joints, rec.odom, rec.people, rec.cmd_vel, rec.arm_cmd):
        lst.sort(key=lambda item: item.t_sec if isinstance(item, RawImage) else item[0])
    return rec
