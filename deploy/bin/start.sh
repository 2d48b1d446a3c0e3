#!/usr/bin/env bash
# npm start: installs what is missing, builds, and runs the local stack (deploy/src/start.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/setup.sh
exec node --enable-source-maps deploy/dist/start.js "$@"
