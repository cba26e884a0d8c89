# Starts a throw-away PostgreSQL on loopback for the tests and exports LOYALTY_TEST_POSTGRES_URL.
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "no PostgreSQL server binaries found"
    return 0
  fi
  local dir port=55432
  # the first free port from 55432 on
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  dir=$(mktemp -d)
  chown postgres "$dir" 2>/dev/null || true
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" -l "$dir/log" -w start >/dev/null
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE loyalty_test" >/dev/null
  export LOYALTY_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/loyalty_test"
  # expanded now: the function's locals are gone when the trap runs
  trap "${as[*]} $bin/pg_ctl -D $dir/data -m fast stop >/dev/null 2>&1 || true" EXIT
  echo "PostgreSQL started for the tests on 127.0.0.1:$port"
}
