#!/usr/bin/env bash
# The test command (README): installs what the tests need, builds, and runs every test.
# On a fresh machine of our kind (.NET SDK, node and npm present; apt reachable).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "== installing node and npm (apt)"
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

echo "== npm packages for the graphql-http audit (from the lock file)"
(cd tests/graphql-http-audit && npm ci --no-audit --no-fund --loglevel=error)

echo "== restore and build (Release); the Api build fetches Banana Cake Pop from its lock file"
dotnet tool restore >/dev/null
dotnet build WorkforceGraph.sln -c Release -nologo -clp:ErrorsOnly

echo "== tests"
log=$(mktemp)
status=0
dotnet test WorkforceGraph.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line over every test project.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
rm -f "$log"
exit $status
