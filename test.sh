#!/usr/bin/env bash
# The test command (README): installs what the tests need, builds, and runs every test.
# On a fresh machine of our kind (.NET SDK, node and npm present; apt reachable).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "== installing node and npm (apt)"
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

echo "== npm packages for the graphql-http audit and the IDE's browser test (from the lock files)"
(cd tests/graphql-http-audit && npm ci --no-audit --no-fund --loglevel=error)
# playwright-core drives the system's Chromium; it downloads no browser of its own.
(cd tests/ide-browser && npm ci --no-audit --no-fund --loglevel=error)

echo "== Chromium for the IDE's browser test (Debian's chromium, and a CJK font for its screenshot)"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Set, the browser test never skips (a missing or broken browser fails it).
export WORKFORCE_TEST_CHROMIUM
WORKFORCE_TEST_CHROMIUM=$(command -v chromium)

echo "== typed client (clients/typescript): types generated from schema/schema.graphql, then tsc"
client_status=0
(cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error && npm run --silent codegen && npx tsc --noEmit) || client_status=$?
if [ "$client_status" != 0 ]; then
  echo "typed client check FAILED (exit $client_status): the schema no longer fits clients/typescript (see above)"
fi

echo "== restore and build (Release); the Api build fetches Banana Cake Pop from its lock file"
dotnet tool restore >/dev/null
dotnet build WorkforceGraph.sln -c Release -nologo -clp:ErrorsOnly

if [ "$client_status" = 0 ]; then
  echo "== the typed client's persisted documents publish (operations publish --manifest: ids match, each validates)"
  opstore=$(mktemp -d)
  dotnet src/WorkforceGraph.Api/bin/Release/net10.0/WorkforceGraph.Api.dll operations publish \
    --manifest clients/typescript/src/generated/persisted-documents.json --output "$opstore" || client_status=$?
  rm -rf "$opstore"
fi

echo "== PostgreSQL: a throwaway cluster from the Debian packages (port ${PGPORT_TEST:-55432})"
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
pgdir=$(mktemp -d)
pgport=${PGPORT_TEST:-55432}
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdir"
as_pg "$pgbin/initdb -D $pgdir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
# Throwaway: no durability needed. Tests compare by code point whatever the cluster's locale (the model says "C").
as_pg "$pgbin/pg_ctl -D $pgdir/data -w -l $pgdir/log -o \"-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null"
trap 'as_pg "$pgbin/pg_ctl -D $pgdir/data -m immediate stop >/dev/null" || true; rm -rf "$pgdir"' EXIT
export WORKFORCE_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Include Error Detail=true"

echo "== tests (SQLite, and the PostgreSQL-only tests)"
log=$(mktemp)
status=0
dotnet test WorkforceGraph.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

echo "== tests on PostgreSQL: the feature suite again, every host on a fresh PostgreSQL database"
WORKFORCE_TEST_PROVIDER=Postgres dotnet test tests/WorkforceGraph.Features.Tests -c Release --no-build -nologo \
  --filter "Category!=SqliteOnly" "$@" 2>&1 | tee -a "$log" || status=$?

if [ "$client_status" != 0 ]; then
  echo "typed client check FAILED: npm run codegen, tsc --noEmit or publishing its persisted documents (see above)"
  status=1
fi

# One plain closing line over every test project.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
exit $status
