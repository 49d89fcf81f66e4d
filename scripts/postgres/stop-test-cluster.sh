#!/usr/bin/env bash
# Stops a cluster started by start-test-cluster.sh and removes its folder (data included).
#   scripts/postgres/stop-test-cluster.sh /tmp/b2c-pg.XXXXXX
set -uo pipefail

dir=${1:?usage: stop-test-cluster.sh <cluster folder>}
[ -d "$dir" ] || exit 0
if [ ! -e "$dir/data/PG_VERSION" ] && [ ! -e "$dir/uri" ]; then
  # Refuse to delete a folder that was never a test cluster's.
  [ -z "$(ls -A "$dir")" ] && rmdir "$dir"
  [ -d "$dir" ] && { echo "stop-test-cluster: $dir is not a test cluster's folder; left alone" >&2; exit 1; }
  exit 0
fi

BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$BIN/pg_ctl" ] || BIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")

if [ -e "$dir/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then
    (cd /tmp && runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null) ||
      (cd /tmp && runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null)
  else
    (cd /tmp && "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null) ||
      (cd /tmp && "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null)
  fi
fi
rm -rf "$dir"
