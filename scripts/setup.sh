#!/usr/bin/env bash
# Creates .venv and installs the pinned Python requirements (dev ones with --dev), saying what it does.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
say() { echo "[setup] $*"; }
if [ -x .venv/bin/python ]; then
  say "using the existing virtual environment .venv"
else
  say "creating the virtual environment .venv with $("$PY" --version 2>&1)"
  "$PY" -m venv .venv
fi
say "updating pip"
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--dev" ]; then
  FILE=requirements-dev.txt
else
  FILE=requirements.txt
fi
say "installing $(grep -cv '^\s*\(#\|-r\|$\)' "$FILE") pinned packages from $FILE (Streamlit, pandas, plotly, …); about a minute on a first run"
.venv/bin/python -m pip install -q -r "$FILE"
say "done"
