#!/usr/bin/env bash
# Sets up and opens the dashboard on the bundled corpus (embedded SQLite under data/, built on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "[run] starting the dashboard (streamlit run app.py); the first start builds the database from data/raw"
exec .venv/bin/streamlit run app.py "$@"
