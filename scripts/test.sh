#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (Qt Test + CTest), starting the services the tests
# need on loopback and stopping them afterwards.
# Usage: scripts/test.sh [ctest arguments...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

"$root/scripts/setup.sh"

echo "== running the tests"
cd "$root/build"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
