#!/usr/bin/env bash
# Installs the Debian packages citegraph builds against, when any is missing.
set -euo pipefail
packages=(libgraphviz-dev libxml2-dev libsqlite3-dev graphviz pkg-config zlib1g-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ] && [ "${1:-}" != "--always" ]; then
  echo "system packages present: ${packages[*]}"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update
$sudo apt-get install -y "${packages[@]}"
