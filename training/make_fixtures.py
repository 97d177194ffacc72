"""Regenerates tests/fixtures/worldmodel/: a tiny model trained on the synthetic MCAP fixture, with
parity.json (PyTorch outputs on fixed inputs) and the benchmark's MatMul model.

    python -m training.make_fixtures
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .tests.mcap_fixture import write_fixture
from .train import parse_args, train

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "worldmodel" / "tiny"


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        rec = write_fixture(Path(d) / "fx.mcap", seconds=40.0)
        train(parse_args(["--data", str(rec), "--out", str(OUT), "--steps", "40", "--batch", "16",
                          "--image-hw", "16,16", "--channels", "8,8", "--latent-dim", "8",
                          "--predictor-hidden", "16", "--segment-sec", "10", "--k", "3",
                          "--pose-head-weight", "1.0", "--pose-head-hidden", "8"]))


if __name__ == "__main__":
    main()
