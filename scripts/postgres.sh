#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: `bash scripts/postgres.sh CMD…`.
# The cluster lives in a temporary folder, listens on a Unix socket only, and is
# removed afterwards; the command sees PLOTGUIDE_DATABASE_URL pointing at it.
set -euo pipefail
command -v pg_ctlcluster >/dev/null || {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cluster=$(mktemp -d /tmp/plotguide-pg.XXXXXX)
chmod 755 "$cluster"
[ "$(id -u)" = 0 ] && chown postgres "$cluster"
cleanup() {
  run_as_postgres "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap cleanup EXIT
run_as_postgres "$bin/initdb" -D "$cluster/data" -U postgres -A trust >/dev/null
run_as_postgres "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w \
  -o "-c listen_addresses='' -k $cluster -c fsync=off" start >/dev/null
run_as_postgres "$bin/createdb" -h "$cluster" -U postgres plotguide
export PLOTGUIDE_DATABASE_URL="postgres://postgres@/plotguide?host=$cluster"
"$@"
