#!/usr/bin/env bash
# Writes docs/screenshots/*.png: every page of the console on the demo workspace, under Xvfb at 1280×800.
# Usage: scripts/screenshots.sh          (after scripts/setup.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A throw-away vault for the run's signing key, opened by the console from the same passphrase file.
head -c 24 /dev/urandom | base64 > "$work/passphrase"
chmod 600 "$work/passphrase"
export TRIALBRIDGE_SECRETS_BACKEND=vault TRIALBRIDGE_VAULT_FILE="$work/screens.tbvault" \
       TRIALBRIDGE_VAULT_PASSPHRASE_FILE="$work/passphrase"
"$root/build/bin/trialbridge-cli" demo --out "$work/demo" --subjects 2000 > /dev/null
"$root/build/bin/trialbridge-cli" run "$work/demo/demo.pipeline.json" > /dev/null || [ $? -eq 3 ]
mkdir -p "$root/docs/screenshots"
XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 1280x800x24" \
    "$root/build/bin/trialbridge" --screenshots "$root/docs/screenshots" "$work/demo"
ls -1 "$root/docs/screenshots"
