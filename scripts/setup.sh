#!/usr/bin/env bash
# One-time set-up on a fresh Debian/Ubuntu machine (or CI): system packages, npm
# packages, build. Safe to re-run: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# canvas (under chartjs-node-canvas) has no prebuilt binary here and builds from
# source; chromium drives the HTML report's browser test.
system_packages=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev
  libgif-dev librsvg2-dev chromium)

missing=()
if command -v dpkg >/dev/null 2>&1; then
  for pkg in "${system_packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Not `npm ci`: the deno package lists optional binaries for every platform, the registry
# reachable here serves only this platform's, so the lock file cannot name them all and
# `npm ci` refuses it. `npm install` follows the lock file and skips what does not apply.
npm install --no-audit --no-fund
npm run build
