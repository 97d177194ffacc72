import math
from pathlib import Path

import numpy as np
import pytest

from training.dataset import load_frames, window_starts
from training.imaging import box_ranges, preprocess, resize_box, to_rgb_u8
from training.mcap_io import read_recording
from training.tests.mcap_fixture import LOG_OFFSET_SEC, STAMP0_SEC, write_fixture


@pytest.fixture(scope="module")
def recording(tmp_path_factory) -> Path:
    return write_fixture(tmp_path_factory.mktemp("rec") / "fx.mcap", seconds=30.0)


def test_commands_without_header_are_moved_onto_the_header_clock(recording):
    rec = read_recording(recording)
    assert rec.images[0].t_sec == pytest.approx(STAMP0_SEC)
    # published 1 ms after the first observation, in wall clock 1.7e9 s later
    assert rec.cmd_vel[0][0] == pytest.approx(STAMP0_SEC + 0.001, abs=1e-4)
    assert rec.cmd_vel[0][0] < LOG_OFFSET_SEC


def test_each_frame_holds_the_action_executed_until_the_next_frame(recording):
    rec = read_recording(recording)
    fr = load_frames([recording], period_sec=0.1, image_hw=(8, 8), segment_sec=10.0)
    assert fr.actions.shape == (300, 5)
    # the fixture publishes its command 1 ms after frame i's observation; it is held until frame i+1
    for i in (0, 9, 10, 123):
        assert fr.actions[i, 0] == pytest.approx(rec.cmd_vel[i][1])
        assert fr.actions[i, 2:] == pytest.approx(rec.arm_cmd[i][1])


def test_frames_follow_the_pose_and_see_the_person_in_the_base_frame(recording):
    fr = load_frames([recording], period_sec=0.1, image_hw=(8, 8), segment_sec=10.0)
    assert fr.pose[0].tolist() == pytest.approx([0.0, 0.0, 0.0])
    # person at (2, 1) in odom, robot at the origin facing +x -> (2, 1) in the base frame
    assert fr.person_in_base[0].tolist() == pytest.approx([2.0, 1.0])
    x, y, yaw = fr.pose[50].astype(np.float64)
    c, s = math.cos(yaw), math.sin(yaw)
    assert fr.person_in_base[50].tolist() == pytest.approx([c * (2 - x) + s * (1 - y), -s * (2 - x) + c * (1 - y)], abs=1e-5)


def test_held_out_segments_give_no_training_windows(recording):
    fr = load_frames([recording], period_sec=0.1, image_hw=(8, 8), segment_sec=10.0)
    train = window_starts(fr, 4, holdout=False)
    held = window_starts(fr, 4, holdout=True)
    assert len(held) > 0 and len(train) > 0
    for s in train:
        assert not fr.holdout[s : s + 5].any()
        assert len(set(fr.segment[s : s + 5])) == 1


def test_box_resize_averages_whole_source_blocks():
    img = np.arange(4 * 4 * 3, dtype=np.uint8).reshape(4, 4, 3)
    out = resize_box(img, 2, 2)
    # top-left output = mean of source pixels (0,0),(0,1),(1,0),(1,1), channel 0: (0+3+12+15)/4 = 7.5
    assert out[0, 0, 0] == pytest.approx(7.5)
    assert box_ranges(5, 2)[0].tolist() == [0, 2] and box_ranges(5, 2)[1].tolist() == [2, 5]


def test_bgr_and_mono_are_converted_to_rgb():
    bgr = bytes([10, 20, 30])
    assert to_rgb_u8(1, 1, "bgr8", 3, bgr)[0, 0].tolist() == [30, 20, 10]
    assert to_rgb_u8(1, 1, "mono8", 1, bytes([7]))[0, 0].tolist() == [7, 7, 7]
    assert preprocess(1, 1, "rgb8", 3, bytes([255, 0, 128]), 1, 1)[0, 0].tolist() == pytest.approx([1.0, -1.0, 0.00392], abs=1e-4)


def test_bad_images_are_refused_naming_the_field():
    with pytest.raises(ValueError, match="image.encoding: expected one of .* got 'yuv422'"):
        to_rgb_u8(1, 1, "yuv422", 2, bytes(2))
    with pytest.raises(ValueError, match=r"image.data: expected 12 bytes \(step\*height\), got 5"):
        to_rgb_u8(2, 2, "rgb8", 6, bytes(5))


def test_partners_come_from_the_anchor_segment_and_pose_distance_adds_yaw_and_arm_terms():
    import numpy as np

    from training.dataset import Frames, partner_indices, pose_distance, segment_bounds

    n = 9
    seg = np.array([0, 0, 0, 1, 1, -1, 2, 2, 2])
    pose = np.zeros((n, 3), dtype=np.float32)
    pose[1] = (3.0, 4.0, np.pi)  # 5 m away, half a turn
    joints = np.zeros((n, 2), dtype=np.float32)
    joints[1] = (1.0, -1.0)
    fr = Frames(images=np.zeros((n, 1, 1, 3), np.float16), joints=joints, pose=pose,
                person_in_base=np.zeros((n, 2), np.float32), actions=np.zeros((n, 1), np.float32),
                segment=seg, holdout=np.zeros(n, bool))
    bounds = segment_bounds(fr)
    anchors = np.array([0, 2, 3, 4, 5, 6, 8] * 50)
    p = partner_indices(fr, bounds, anchors, np.random.default_rng(0))
    assert (seg[p] == seg[anchors]).all()
    assert set(p[anchors == 6]) == {6, 7, 8}
    d = pose_distance(fr, np.array([0]), np.array([1]))
    assert abs(d[0] - (5.0 + 0.5 * np.pi + 0.2 * 2.0)) < 1e-5


def test_diff_drive_distance_counts_the_turns_a_differential_drive_needs():
    import numpy as np

    from training.dataset import Frames, diff_drive_distance

    # frame 0: the goal, facing +y. 1: 0.4 m to its side, same heading (turn, drive, turn back: two
    # quarter turns). 2: 0.4 m straight behind (drive only). 3: 0.4 m in front (reverse only).
    # 4: on the spot, facing the other way (half a turn, no travel)
    pose = np.array([[0, 0, np.pi / 2], [0.4, 0, np.pi / 2], [0, -0.4, np.pi / 2], [0, 0.4, np.pi / 2],
                     [0, 0, -np.pi / 2]], dtype=np.float32)
    n = len(pose)
    fr = Frames(images=np.zeros((n, 1, 1, 3), np.float16), joints=np.zeros((n, 2), np.float32), pose=pose,
                person_in_base=np.zeros((n, 2), np.float32), actions=np.zeros((n, 1), np.float32),
                segment=np.zeros(n, np.int64), holdout=np.zeros(n, bool))
    goal = np.zeros(n - 1, dtype=np.int64)
    others = np.arange(1, n)
    d = diff_drive_distance(fr, goal, others, yaw_m_per_rad=0.5)
    assert np.allclose(d, [0.4 + 0.5 * np.pi, 0.4, 0.4, 0.5 * np.pi], atol=1e-5)
    assert np.allclose(diff_drive_distance(fr, others, goal, yaw_m_per_rad=0.5), d, atol=1e-5)


def test_near_partners_stay_within_the_offset_and_the_segment_and_relative_pose_is_seen_from_the_anchor():
    from training.dataset import Frames, partner_indices, relative_pose, segment_bounds

    n = 12
    seg = np.array([0] * 6 + [1] * 6)
    pose = np.zeros((n, 3), dtype=np.float32)
    pose[0] = (1.0, 1.0, np.pi / 2)  # facing +y
    pose[1] = (1.0, 3.0, np.pi)  # 2 m ahead of frame 0, turned a further quarter left
    pose[2] = (2.0, 1.0, 0.0)  # 1 m to frame 0's right
    fr = Frames(images=np.zeros((n, 1, 1, 3), np.float16), joints=np.zeros((n, 1), np.float32), pose=pose,
                person_in_base=np.zeros((n, 2), np.float32), actions=np.zeros((n, 1), np.float32),
                segment=seg, holdout=np.zeros(n, bool))
    anchors = np.array([0, 5, 6, 11] * 100)
    near = partner_indices(fr, segment_bounds(fr), anchors, np.random.default_rng(0), max_offset=2)
    assert (np.abs(near - anchors) <= 2).all() and (seg[near] == seg[anchors]).all()
    assert set(near[anchors == 0]) == {0, 1, 2}
    rel = relative_pose(fr, np.array([0, 0]), np.array([1, 2]))
    np.testing.assert_allclose(rel[0], [2.0, 0.0, 0.0, 1.0], atol=1e-6)
    np.testing.assert_allclose(rel[1], [0.0, -1.0, 0.0, -1.0], atol=1e-6)
