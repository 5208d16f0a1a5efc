#!/usr/bin/env bash
# Installs what TrialBridge needs on Debian 12 and builds it into build/ (Ninja, ccache).
# Usage: scripts/setup.sh            (idempotent; re-running only rebuilds what changed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    libqt6sql6-sqlite libqt6sql6-psql libgl-dev qtkeychain-qt6-dev libsodium-dev libssh-dev
    sqlite3 libsqlite3-dev
    xvfb xauth dbus-x11 gnome-keyring postgresql openssh-server poppler-utils time
    clang libclang-rt-14-dev
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
echo "== installing packages"
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"

echo "== building"
build_type=${TB_BUILD_TYPE:-RelWithDebInfo}
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${TB_CMAKE_ARGS:-}
cmake --build "$root/build"
