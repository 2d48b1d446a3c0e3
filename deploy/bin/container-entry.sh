#!/bin/sh
# Entrypoint of the container image (deploy/Dockerfile): starts the one process SERVICE names,
# "gateway" or the name of a folder under services/, as PID 1 so it receives SIGTERM itself.
# Arguments are passed on to the process.
set -eu
cd "$(dirname "$0")/../.."

service="${SERVICE:-gateway}"
case "$service" in
  '' | -* | *[!a-z0-9-]*)
    echo "container-entry: SERVICE must be \"gateway\" or the name of a folder under services/, not \"$service\"" >&2
    exit 78 ;;
  gateway) SERVICE_ENTRY=gateway/dist/main.js ;;
  *) SERVICE_ENTRY="services/$service/dist/main.js" ;;
esac

if [ ! -f "$SERVICE_ENTRY" ]; then
  echo "container-entry: this image has no $SERVICE_ENTRY; SERVICE can be gateway or one of: $(ls services | tr '\n' ' ')" >&2
  exit 78
fi

exec node --enable-source-maps "$SERVICE_ENTRY" "$@"
