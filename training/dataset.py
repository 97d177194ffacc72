"""Time-aligned frames from recordings, and training windows (obs_t, a_t..t+k-1, obs_t+1..t+k).

Frames sit on a grid with the control period. Frame i holds the newest image within half a period of
the grid time, the joint positions and pose interpolated at that image's stamp, the nearest person in
the base frame, and the executed action held from frame i to frame i+1 (zero-order hold, like the
robot's controllers). Recordings are cut into segments ("episodes"); every `holdout_every`-th one is
held out for evaluation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .imaging import preprocess
from .mcap_io import Recording, read_recording

ARM_JOINTS = ("arm_shoulder_yaw", "arm_shoulder_pitch", "arm_elbow_pitch")
COMMAND_TIMEOUT_SEC = 0.5


@dataclass
class Frames:
    images: np.ndarray  # [N, H, W, 3] float16, normalized
    joints: np.ndarray  # [N, J] float32 [rad]
    pose: np.ndarray  # [N, 3] float32: x, y [m], yaw [rad] in odom
    person_in_base: np.ndarray  # [N, 2] float32 nearest person in the base frame [m]; NaN if nobody
    actions: np.ndarray  # [N, A] float32, action applied from frame i to i+1
    segment: np.ndarray  # [N] int64 episode id; -1 for frames that could not be built
    holdout: np.ndarray  # [N] bool


def list_mcap_files(spec: list[str]) -> list[Path]:
    files: list[Path] = []
    for s in spec:
        p = Path(s)
        if p.is_dir():
            files.extend(sorted(p.rglob("*.mcap")))
        elif p.is_file():
            files.append(p)
        else:
            raise FileNotFoundError(f"--data: '{s}' is neither an .mcap file nor a directory")
    if not files:
        raise FileNotFoundError(f"--data: no .mcap files found in {spec}")
    return files


def data_hash(files: list[Path]) -> str:
    h = hashlib.sha256()
    for f in sorted(files, key=lambda p: p.name):
        h.update(f.name.encode())
        with open(f, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:16]


def _interp(times: np.ndarray, values: np.ndarray, t: float) -> np.ndarray:
    i = int(np.searchsorted(times, t))
    if i <= 0:
        return values[0]
    if i >= len(times):
        return values[-1]
    w = (t - times[i - 1]) / max(times[i] - times[i - 1], 1e-9)
    return values[i - 1] * (1 - w) + values[i] * w


def _latest(times: np.ndarray, t: float) -> int:
    """Index of the newest entry at or before t, or -1."""
    return int(np.searchsorted(times, t, side="right")) - 1


def _joint_table(rec: Recording, joint_names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    rows = [(t, [m[n] for n in joint_names]) for t, m in rec.joints if all(n in m for n in joint_names)]
    if not rows:
        raise ValueError(f"{rec.path}: /joint_states never names all of {list(joint_names)}")
    return np.array([r[0] for r in rows]), np.array([r[1] for r in rows], dtype=np.float64)


def _person_in_base(people: list[tuple[float, float]], x: float, y: float, yaw: float) -> tuple[float, float]:
    if not people:
        return (np.nan, np.nan)
    d = [(px - x) ** 2 + (py - y) ** 2 for px, py in people]
    px, py = people[int(np.argmin(d))]
    c, s = np.cos(yaw), np.sin(yaw)
    return (c * (px - x) + s * (py - y), -s * (px - x) + c * (py - y))


def _action_at(rec: Recording, cmd_t: np.ndarray, arm_t: np.ndarray, t: float, n_joints: int) -> list[float]:
    a = [0.0] * (2 + n_joints)
    i = _latest(cmd_t, t)
    if i >= 0 and t - cmd_t[i] <= COMMAND_TIMEOUT_SEC:
        a[0], a[1] = rec.cmd_vel[i][1], rec.cmd_vel[i][2]
    j = _latest(arm_t, t)
    if j >= 0 and t - arm_t[j] <= COMMAND_TIMEOUT_SEC and len(rec.arm_cmd[j][1]) == n_joints:
        a[2:] = rec.arm_cmd[j][1]
    return a


def frames_from_recording(
    rec: Recording, *, period_sec: float, image_hw: tuple[int, int], joint_names: tuple[str, ...], segment_sec: float
) -> dict[str, np.ndarray]:
    if not rec.images or not rec.odom:
        raise ValueError(f"{rec.path}: needs /camera/image_raw and /odom messages")
    img_t = np.array([im.t_sec for im in rec.images])
    jt, jv = _joint_table(rec, joint_names)
    od = np.array(rec.odom, dtype=np.float64)
    od[:, 3] = np.unwrap(od[:, 3])
    ppl_t = np.array([p[0] for p in rec.people])
    cmd_t = np.array([c[0] for c in rec.cmd_vel])
    arm_t = np.array([c[0] for c in rec.arm_cmd])
    t0, t1 = max(img_t[0], jt[0], od[0, 0]), min(img_t[-1], jt[-1], od[-1, 0])
    n = max(0, int(np.floor((t1 - t0) / period_sec)) + 1)
    out = {k: [] for k in ("images", "joints", "pose", "person_in_base", "actions", "segment")}
    seg_len = max(1, int(round(segment_sec / period_sec)))
    for i in range(n):
        tg = t0 + i * period_sec
        k = int(np.argmin(np.abs(img_t - tg)))
        im = rec.images[k]
        ok = abs(im.t_sec - tg) <= 0.5 * period_sec
        x, y, yaw = _interp(od[:, 0], od[:, 1:], im.t_sec)
        p = _latest(ppl_t, im.t_sec)
        out["images"].append(
            preprocess(im.height, im.width, im.encoding, im.step, im.data, *image_hw).astype(np.float16)
            if ok
            else np.zeros((*image_hw, 3), np.float16)
        )
        out["joints"].append(_interp(jt, jv, im.t_sec))
        out["pose"].append((x, y, yaw))
        out["person_in_base"].append(_person_in_base(rec.people[p][1] if p >= 0 else [], x, y, yaw))
        out["actions"].append(_action_at(rec, cmd_t, arm_t, tg + 0.5 * period_sec, len(joint_names)))
        out["segment"].append(i // seg_len if ok else -1)
    return {k: np.asarray(v) for k, v in out.items()}


def load_frames(
    files: list[Path],
    *,
    period_sec: float,
    image_hw: tuple[int, int],
    joint_names: tuple[str, ...] = ARM_JOINTS,
    segment_sec: float = 20.0,
    holdout_every: int = 5,
) -> Frames:
    parts = []
    next_seg = 0
    for f in files:
        d = frames_from_recording(
            read_recording(f), period_sec=period_sec, image_hw=image_hw, joint_names=joint_names, segment_sec=segment_sec
        )
        valid = d["segment"] >= 0
        d["segment"] = np.where(valid, d["segment"] + next_seg, -1)
        next_seg = int(d["segment"].max()) + 1 if valid.any() else next_seg
        parts.append(d)
    cat = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    seg = cat["segment"].astype(np.int64)
    n_seg = int(seg.max()) + 1 if (seg >= 0).any() else 0
    if n_seg < 2:
        raise ValueError(f"need >= 2 segments of {segment_sec} s for a held-out split, got {n_seg}")
    # hold out every `holdout_every`-th segment, starting from the second so short data still trains
    held = (seg >= 0) & ((seg % holdout_every) == (1 if n_seg < holdout_every else holdout_every - 1))
    return Frames(
        images=cat["images"].astype(np.float16),
        joints=cat["joints"].astype(np.float32),
        pose=cat["pose"].astype(np.float32),
        person_in_base=cat["person_in_base"].astype(np.float32),
        actions=cat["actions"].astype(np.float32),
        segment=seg,
        holdout=held,
    )


def window_starts(frames: Frames, k: int, *, holdout: bool) -> np.ndarray:
    """Start indices t such that frames t..t+k are all valid, in one segment, and in the wanted split."""
    seg = frames.segment
    n = len(seg) - k
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    ok = np.ones(n, dtype=bool)
    for j in range(k + 1):
        ok &= (seg[j : j + n] == seg[:n]) & (seg[j : j + n] >= 0)
    ok &= frames.holdout[:n] == holdout
    return np.nonzero(ok)[0].astype(np.int64)


def _wrap(x: np.ndarray) -> np.ndarray:
    return np.angle(np.exp(1j * x))


def _arm_distance(frames: Frames, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """0.2 m per rad of summed arm joint difference (the arm's share of both pose distances)."""
    return 0.2 * np.abs(frames.joints[a].astype(np.float64) - frames.joints[b]).sum(1)


def pose_distance(frames: Frames, a: np.ndarray, b: np.ndarray, yaw_m_per_rad: float = 0.5) -> np.ndarray:
    """How far apart frames a and b are for the robot: base position distance [m] + `yaw_m_per_rad` m per
    rad of yaw difference + 0.2 m per rad of summed arm joint difference (odometry and joint encoders only)."""
    pa, pb = frames.pose[a].astype(np.float64), frames.pose[b].astype(np.float64)
    dyaw = np.abs(_wrap(pa[:, 2] - pb[:, 2]))
    return np.hypot(pa[:, 0] - pb[:, 0], pa[:, 1] - pb[:, 1]) + yaw_m_per_rad * dyaw + _arm_distance(frames, a, b)


def diff_drive_distance(frames: Frames, a: np.ndarray, b: np.ndarray, yaw_m_per_rad: float = 0.5,
                        blend_m: float = 0.3) -> np.ndarray:
    """Like pose_distance, but the base part is what a differential drive must do to get from a to b:
    turn to face b's position, drive there (forward or in reverse, whichever turns less), turn to b's
    heading; turning costs `yaw_m_per_rad` m per rad. A pose beside the goal with the goal's heading
    is then far (two quarter turns), as far as the robot really has to go, where the plain distance
    calls it near. Below `blend_m` of travel the bearing is ill-defined, so the turns blend into the
    plain heading difference (continuous at zero travel). Symmetric in a and b."""
    pa, pb = frames.pose[a].astype(np.float64), frames.pose[b].astype(np.float64)
    dx, dy = pb[:, 0] - pa[:, 0], pb[:, 1] - pa[:, 1]
    dist = np.hypot(dx, dy)
    bearing = np.arctan2(dy, dx)
    fwd = np.abs(_wrap(bearing - pa[:, 2])) + np.abs(_wrap(pb[:, 2] - bearing))
    rev = np.abs(_wrap(bearing + np.pi - pa[:, 2])) + np.abs(_wrap(pb[:, 2] - bearing - np.pi))
    s = np.minimum(1.0, dist / blend_m)
    turn = s * np.minimum(fwd, rev) + (1 - s) * np.abs(_wrap(pb[:, 2] - pa[:, 2]))
    return dist + yaw_m_per_rad * turn + _arm_distance(frames, a, b)


def segment_bounds(frames: Frames) -> tuple[np.ndarray, np.ndarray]:
    """First and last index of every frame's segment (segments are contiguous runs of one id)."""
    seg = frames.segment
    n = len(seg)
    lo = np.zeros(n, dtype=np.int64)
    hi = np.zeros(n, dtype=np.int64)
    start = 0
    for i in range(1, n + 1):
        if i == n or seg[i] != seg[start]:
            lo[start:i] = start
            hi[start:i] = i - 1
            start = i
    return lo, hi


def partner_indices(frames: Frames, bounds, anchors: np.ndarray, rng: np.random.Generator,
                    max_offset: int | None = None) -> np.ndarray:
    """A random frame of each anchor's own segment (same odometry frame, same split); with `max_offset`,
    one at most that many frames before or after the anchor."""
    lo, hi = bounds
    if max_offset is None:
        span = hi[anchors] - lo[anchors] + 1
        return lo[anchors] + np.floor(rng.random(len(anchors)) * span).astype(np.int64)
    near = anchors + rng.integers(-max_offset, max_offset + 1, len(anchors))
    return np.clip(near, lo[anchors], hi[anchors])


def relative_pose(frames: Frames, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Frame b's base pose seen from frame a's base (odometry only): [x forward, y left [m], cos, sin of
    the heading difference] per pair, float32 [B, 4]. The goal-pose head's training target."""
    pa, pb = frames.pose[a].astype(np.float64), frames.pose[b].astype(np.float64)
    dx, dy = pb[:, 0] - pa[:, 0], pb[:, 1] - pa[:, 1]
    c, s = np.cos(pa[:, 2]), np.sin(pa[:, 2])
    dyaw = pb[:, 2] - pa[:, 2]
    return np.stack([c * dx + s * dy, -s * dx + c * dy, np.cos(dyaw), np.sin(dyaw)], 1).astype(np.float32)
