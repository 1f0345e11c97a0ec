# Source this file: pg_start starts a throwaway PostgreSQL 15 in a temporary folder on a
# free loopback port, as the unprivileged user hs-test, and exports HS_TEST_PG_URL
# (a maintenance URL: tests create their own databases). pg_stop stops and removes it.
PG_BIN=/usr/lib/postgresql/15/bin

pg_start() {
  id hs-test >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin hs-test
  PG_DIR=$(mktemp -d /tmp/hs-pg.XXXXXX)
  chown hs-test "$PG_DIR"
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  runuser -u hs-test -- "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  runuser -u hs-test -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
  export HS_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_DIR PG_PORT
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  runuser -u hs-test -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  unset PG_DIR HS_TEST_PG_URL
}
