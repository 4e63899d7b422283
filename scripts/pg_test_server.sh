#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the tests and prints its SQLAlchemy URL.
# Usage: eval "$(scripts/pg_test_server.sh start)"   (exports TEST_PG_URL)
#        scripts/pg_test_server.sh stop
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PGDATA_DIR=${PGDATA_DIR:-/tmp/corpus-pg-test}
PGPORT=${PGPORT:-54329}
RUN_AS=()
if [ "$(id -u)" = "0" ]; then RUN_AS=(runuser -u postgres --); fi  # postgres refuses to run as root
cd /  # the postgres user may not be allowed into the checkout (e.g. under /root)

case "${1:-start}" in
  start)
    if [ ! -x "$PGBIN/postgres" ]; then echo "no PostgreSQL server binaries found" >&2; exit 1; fi
    if ! "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
      rm -rf "$PGDATA_DIR"; mkdir -p "$PGDATA_DIR"
      [ "$(id -u)" = "0" ] && chown postgres:postgres "$PGDATA_DIR"
      "${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
      "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w \
        -o "-h 127.0.0.1 -p $PGPORT -k $PGDATA_DIR -c fsync=off -c max_connections=200" start >/dev/null
    fi
    echo "export TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
