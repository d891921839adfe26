#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster: initdb in a temporary directory, start it on a free
# loopback port, create a role with CREATEDB (pytest-django creates test_<db>), export DATABASE_URL, run the
# command, and always stop the cluster and remove the directory afterwards.
#   scripts/with-postgres.sh pytest -q
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL server binaries not found (apt-get install -y postgresql)." >&2
  exit 1
fi

dir=$(mktemp -d /tmp/kotacerdas-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb and pg_ctl refuse to run as root: run them as the postgres user.
  chown postgres: "$dir"
  as_pg=(runuser -u postgres --)
fi

stop() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/pg.log" >&2; exit 1; }
"$bindir/psql" -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE kotacerdas LOGIN PASSWORD 'kotacerdas' CREATEDB" \
  -c "CREATE DATABASE kotacerdas OWNER kotacerdas" >/dev/null

export DATABASE_URL="postgresql://kotacerdas:kotacerdas@127.0.0.1:$port/kotacerdas"
echo "==> PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
