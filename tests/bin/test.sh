#!/usr/bin/env bash
# npm test: installs what is missing, builds, type-checks the tests, runs the linter and the formatter's
# check, then runs every jest project
# (unit, integration against real PostgreSQL and nats-server, end-to-end through Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."
E21_NEEDS_BROWSER=1 E21_NEEDS_PROTOC=1 E21_NEEDS_OPENSSL=1 source deploy/bin/setup.sh
npx tsc -p tsconfig.json
npm run lint --silent
NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning" npx jest --maxWorkers=2 "$@"
