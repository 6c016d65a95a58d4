#!/bin/sh
# Run every test on SQLite; then the database tests again on PostgreSQL when one is reachable
# (always on CI, where a missing PostgreSQL is a failure, not a skip).
set -e
BIN=.venv/bin
PGURL=${JIXIAO_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/test}
$BIN/ruff check src tests bench
$BIN/mypy
$BIN/pytest -n 2 -q
if $BIN/python -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$PGURL" 2>/dev/null; then
  echo "== database tests on PostgreSQL =="
  JIXIAO_DATABASE_URL=$PGURL $BIN/pytest -n 2 -q -m db
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $PGURL: the database tests cannot run on it" >&2
  exit 1
else
  echo "PostgreSQL not reachable at $PGURL: database tests ran on SQLite only"
fi
