#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for tests and development: its own data folder under
# /tmp, owned by the `postgres` user (PostgreSQL refuses to run as root), on a free port of
# 127.0.0.1 only, with trust authentication for local connections, and never the machine's
# default cluster. Durability is switched off (fsync, synchronous_commit): the data is thrown
# away anyway.
#
#   dir=$(mktemp -d /tmp/b2c-pg.XXXXXX)         # optional: without it one is made and named on stderr
#   uri=$(scripts/postgres/start-test-cluster.sh "$dir")   # prints postgres://postgres@127.0.0.1:PORT/postgres
#   TEST_DATABASE_URI=$uri npm run test:jest -- tests/access-matrix.test.ts
#   scripts/postgres/stop-test-cluster.sh "$dir"
#
# Run as root (the cluster then runs as `postgres` through runuser) or as any other user
# (`postgres` included: the cluster runs as that user).
set -euo pipefail

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local found
  # Debian's versioned folder first (its pg_ctl is not on the PATH), newest version first.
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then echo "$found"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  echo "start-test-cluster: no pg_ctl found (Debian: apt-get install postgresql)" >&2
  exit 1
}
BIN=$(pg_bin)

if [ "$(id -u)" = 0 ]; then
  getent passwd postgres >/dev/null || { echo "start-test-cluster: run as root, but there is no postgres user to run the cluster" >&2; exit 1; }
  as_owner() { (cd /tmp && runuser -u postgres -- "$@"); }
else
  as_owner() { (cd /tmp && "$@"); }
fi

dir=${1:-}
if [ -z "$dir" ]; then
  dir=$(mktemp -d /tmp/b2c-pg.XXXXXX)
  echo "start-test-cluster: cluster folder $dir (stop it with scripts/postgres/stop-test-cluster.sh $dir)" >&2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
if [ -e "$dir/data/PG_VERSION" ]; then
  echo "start-test-cluster: $dir already holds a cluster; use a new folder" >&2
  exit 1
fi

as_owner "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}
# Trust, but only over the cluster's own socket folder and loopback.
cat >"$dir/data/pg_hba.conf" <<'HBA'
local all all              trust
host  all all 127.0.0.1/32 trust
HBA

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# A port found free can be taken before the server binds it: try a few.
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  if as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    >/dev/null; then
    echo "$port" >"$dir/port"
    uri="postgres://postgres@127.0.0.1:$port/postgres"
    echo "$uri" >"$dir/uri"
    echo "$uri"
    exit 0
  fi
  echo "start-test-cluster: start on port $port failed (attempt $attempt)" >&2
  tail -n 5 "$dir/server.log" >&2 || true
done
exit 1
