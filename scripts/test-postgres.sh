#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster: initdb in a temporary directory, a server on 127.0.0.1 at a
# free port (and its socket in that directory), TRACESYNC_TEST_POSTGRES_URL exported for the command, and the
# cluster stopped and deleted after, whatever the command's outcome. `.ci/run` runs the test command through it;
# a developer runs the same:
#
#     scripts/test-postgres.sh swift test --skip-build --filter Contract
#
# With no command it starts the cluster, prints the URL and waits until interrupted (Ctrl-C stops it).
# initdb refuses to run as root: as root the cluster belongs to an unprivileged user (`postgres` when Debian's
# package made it, else `tracesync-pg`, created here).
set -euo pipefail

bin=""
for candidate in "${PG_BIN:-}" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then bin="$candidate"; break; fi
done
if [ -z "$bin" ] && command -v initdb >/dev/null; then bin="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bin" ]; then
    echo "test-postgres: no initdb found; install PostgreSQL (Debian: apt-get install postgresql) or set PG_BIN" >&2
    exit 2
fi

as_owner=()
owner="$(id -un)"
if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then owner=postgres
    else
        id tracesync-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tracesync-pg
        owner=tracesync-pg
    fi
    as_owner=(runuser -u "$owner" --)
fi

dir="$(mktemp -d /tmp/tracesync-pg.XXXXXX)"
chmod 755 "$dir"
mkdir "$dir/data" "$dir/socket"
chown "$owner" "$dir/data" "$dir/socket"
log="$dir/server.log"
touch "$log" && chown "$owner" "$log"

stop() {
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$bin/initdb" -D "$dir/data" --username=tracesync --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

# A free loopback port: ask the kernel for one, then start there (retried if another process took it meanwhile).
started=""
for attempt in 1 2 3 4 5; do
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=200 -c fsync=off" \
        start >/dev/null; then
        started=1; break
    fi
done
if [ -z "$started" ]; then
    echo "test-postgres: the server did not start:" >&2; tail -20 "$log" >&2; exit 1
fi

export TRACESYNC_TEST_POSTGRES_URL="postgres://tracesync@127.0.0.1:$port/postgres"
echo "test-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $TRACESYNC_TEST_POSTGRES_URL" >&2

if [ "$#" -eq 0 ]; then
    echo "test-postgres: Ctrl-C stops and deletes the cluster" >&2
    while true; do sleep 3600; done
fi
"$@"
