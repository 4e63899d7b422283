#!/usr/bin/env bash
# Sets up and runs the whole test suite: system packages (Chromium for browser tests, Arabic fonts,
# a PostgreSQL server, nginx for the deployment guide's proxy test), the Python requirements, a
# throw-away PostgreSQL on loopback, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)  # run by the test only, on loopback, never as a service
if [ ${#need[@]} -gt 0 ]; then
  SUDO=(); [ "$(id -u)" = "0" ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

bash scripts/setup.sh --dev
pg_env=$(scripts/pg_test_server.sh start)  # a plain assignment, so set -e stops here if it fails
eval "$pg_env"
trap 'scripts/pg_test_server.sh stop' EXIT

echo "[test] lint (ruff) and types (mypy) of corpus/"
.venv/bin/ruff check corpus
.venv/bin/mypy corpus

.venv/bin/python -m pytest "$@"
