#!/usr/bin/env bash
# Sets everything up and runs the whole test suite (Qt Test + CTest), starting the services the tests
# need on loopback and stopping them afterwards.
# Usage: scripts/test.sh [ctest arguments...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

"$root/scripts/setup.sh"

echo "== running the tests"
cd "$root/build"
# The keychain tests talk to a real Secret Service: a private D-Bus session with gnome-keyring, its login
# keyring unlocked with a throw-away password and kept in a temporary folder (never the user's keyrings).
# TB_REQUIRE_KEYRING=1 makes those tests fail, not skip, when no Secret Service answers.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export TB_REQUIRE_KEYRING=1 TB_KEYRING_HOME="$keyring_home"
# As root the full-disk tests mount small tmpfs file systems; there a failed mount is a failure, not a skip.
if [ "$(id -u)" -eq 0 ]; then export TB_REQUIRE_ROOT_TESTS=1; fi
# Then the whole suite again, built with AddressSanitizer + UndefinedBehaviorSanitizer (TB_SANITIZERS=0 skips
# that second pass for a quick local run; CI always runs it).
export TB_ROOT="$root" TB_SANITIZERS="${TB_SANITIZERS:-1}"
dbus-run-session -- sh -c '
    echo -n pw | XDG_DATA_HOME="$TB_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@" || exit 1
    [ "$TB_SANITIZERS" = 0 ] || "$TB_ROOT/scripts/test-sanitizers.sh" "$@"' sh "$@"
