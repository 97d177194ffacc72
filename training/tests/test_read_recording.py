"""A simulator recording opens with the Python `mcap` + `mcap-ros2-support` readers.

Generates a short `explore` recording with the package CLI (building dist/ first when it is missing;
zstd-compressed chunks, the CLI default) and checks topics, message types and counts, and that the
decoded messages carry sane values.
"""

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from mcap.reader import make_reader
from mcap_ros2.decoder import DecoderFactory

ROOT = Path(__file__).resolve().parents[2]
DURATION_S = 5


def _ensure_built() -> None:
    if (ROOT / "dist" / "cli" / "main.js").exists():
        return
    npm = shutil.which("npm")
    assert npm is not None, "dist/ is missing and npm is not on PATH to build it"
    subprocess.run([npm, "run", "build", "--silent"], cwd=ROOT, check=True)


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _ensure_built()
    path = tmp_path_factory.mktemp("rec") / "explore.mcap"
    subprocess.run(
        [
            "node",
            str(ROOT / "bin" / "world-model-mpc.js"),
            "sim",
            "--scenario",
            "explore",
            "--duration",
            str(DURATION_S),
            "--seed",
            "1",
            "--record",
            str(path),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return path


def _read(path: Path):
    with path.open("rb") as f:
        reader = make_reader(f, decoder_factories=[DecoderFactory()])
        yield from reader.iter_decoded_messages()


def test_chunks_are_zstd_compressed_by_default(recording: Path) -> None:
    with recording.open("rb") as f:
        summary = make_reader(f).get_summary()
    assert summary is not None and summary.chunk_indexes
    assert {c.compression for c in summary.chunk_indexes} == {"zstd"}
    assert all(c.compressed_size < c.uncompressed_size for c in summary.chunk_indexes)


def test_topics_types_and_counts(recording: Path) -> None:
    types = {}
    counts: Counter[str] = Counter()
    for schema, channel, _message, _decoded in _read(recording):
        types[channel.topic] = schema.name
        counts[channel.topic] += 1
    assert types["/camera/image_raw"] == "sensor_msgs/msg/Image"
    assert types["/joint_states"] == "sensor_msgs/msg/JointState"
    assert types["/odom"] == "nav_msgs/msg/Odometry"
    assert types["/people"] == "world_model_mpc/msg/TrackedPersonArray"
    assert types["/tool_state"] == "world_model_mpc/msg/ToolState"
    assert types["/cmd_vel"] == "geometry_msgs/msg/Twist"
    assert types["/arm_controller/commands"] == "std_msgs/msg/Float64MultiArray"
    assert types["/mpc_planner/proposal"] == "world_model_mpc/msg/ActionCommand"
    assert types["/clock"] == "rosgraph_msgs/msg/Clock"
    # camera at 10 Hz and state at 50 Hz over 5 s, each plus the sample at t = 0
    assert counts["/camera/image_raw"] == 10 * DURATION_S + 1
    assert counts["/odom"] == 50 * DURATION_S + 1
    assert counts["/clock"] == 50 * DURATION_S + 1
    assert counts["/world_model/goal_image"] == 1
    # the explore controller proposes at 10 Hz from its first timer tick at 0.1 s
    assert counts["/mpc_planner/proposal"] == 10 * DURATION_S


def test_decoded_messages_carry_the_simulated_state(recording: Path) -> None:
    images = []
    joint_names = None
    last_clock = -1.0
    for _schema, channel, _message, msg in _read(recording):
        if channel.topic == "/camera/image_raw":
            images.append(msg)
        elif channel.topic == "/joint_states":
            joint_names = list(msg.name)
        elif channel.topic == "/clock":
            t = msg.clock.sec + msg.clock.nanosec * 1e-9
            assert t >= last_clock
            last_clock = t
    first = images[0]
    assert (first.width, first.height, first.encoding) == (128, 96, "rgb8")
    assert len(first.data) == first.step * first.height == 128 * 3 * 96
    assert len(set(bytes(first.data))) > 8, "a rendered frame has more than a few colours"
    assert joint_names == ["arm_shoulder_yaw", "arm_shoulder_pitch", "arm_elbow_pitch"]
    assert last_clock == pytest.approx(DURATION_S)
