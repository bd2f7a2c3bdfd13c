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
# `npm ci` refuses it. `npm install` follows the lock file and skips what does not apply;
# it also runs the package's `prepare` script, which builds dist/.
npm install --no-audit --no-fund

# A project that installs bench resolves bench's dependency ranges afresh, and for that npm
# needs each package's registry document, which an install from the lock file never fetches.
# Installing the same dependencies once into a scratch project puts those documents and
# tarballs in the npm cache, so that `npm install --offline <bench tarball>` works in a fresh
# project (test/package-installs.test.ts). --ignore-scripts: only the cache is wanted here.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
node -e '
  const pkg = require("./package.json");
  const deps = { ...pkg.dependencies, ...pkg.optionalDependencies };
  require("fs").writeFileSync(process.argv[1], JSON.stringify({ name: "bench-cache-fill", private: true, dependencies: deps }));
' "$scratch/package.json"
(cd "$scratch" && npm install --prefer-offline --ignore-scripts --no-audit --no-fund --silent)
