#!/usr/bin/env bash
# Runs the Python side's tests (training pipeline, MCAP read-back, ONNX export) in its own virtual
# environment, created here on first use so a fresh machine needs nothing installed by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=training/.venv
stamp="$venv/.requirements-installed"
if [ ! -f "$stamp" ] || ! cmp -s training/requirements.txt "$stamp"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r training/requirements.txt
  cp training/requirements.txt "$stamp"
fi
"$venv/bin/python" -m pytest -q training/tests tests/launch "$@"
