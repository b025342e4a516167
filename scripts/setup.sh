#!/usr/bin/env bash
# Installs the Debian packages the build needs. Idempotent: installs only what is missing,
# so a second run costs a dpkg query and nothing else.
set -euo pipefail

packages=(
  cmake g++ ninja-build
  antlr4 libantlr4-runtime-dev
  libyaml-cpp-dev libboost-dev libfmt-dev doctest-dev libcli11-dev
  libsimdjson-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing packages: ${missing[*]} (run as root, or install them with apt-get)" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
