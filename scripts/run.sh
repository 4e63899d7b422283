#!/usr/bin/env bash
# Sets up and opens the dashboard on the bundled corpus (embedded SQLite under data/, built on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "[run] starting the dashboard (streamlit run app.py); the first start builds the database from data/raw"
# Bound to loopback: a run on this machine, where writing is open when no editor access is
# configured (docs/deployment.md). Pass --server.address to serve others, and configure editors.
exec .venv/bin/streamlit run app.py --server.address 127.0.0.1 "$@"
