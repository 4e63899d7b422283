#!/usr/bin/env bash
# Sets up and opens the dashboard on the bundled corpus (embedded SQLite under data/, built on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py "$@"
