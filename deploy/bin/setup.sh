#!/usr/bin/env bash
# Shared by npm start and npm test: system packages, node modules, and an up-to-date build.
# System packages are installed with apt-get when running as root; otherwise the missing ones are named.
set -euo pipefail

need_apt=()
command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ] || need_apt+=(nats-server)
if [ "${E21_NEEDS_BROWSER:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium); fi
if [ "${E21_NEEDS_PROTOC:-0}" = 1 ] && ! command -v protoc >/dev/null 2>&1; then need_apt+=(protobuf-compiler); fi
# The tests make TLS certificates for the mutual-TLS option with the openssl command.
if [ "${E21_NEEDS_OPENSSL:-0}" = 1 ] && ! command -v openssl >/dev/null 2>&1; then need_apt+=(openssl); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need_apt[*]} with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing: ${need_apt[*]}; install with: sudo apt-get install -y ${need_apt[*]}" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing node modules (npm ci)"
  npm ci --no-audit --no-fund
fi

npm run build --silent
