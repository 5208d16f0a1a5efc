#!/usr/bin/env bash
# Sets everything up, creates the demo study and runs its EDC → CTMS pipeline into the embedded SQLite
# CTMS, printing a summary; opens the desktop console on it when a display is present.
# Usage: scripts/demo.sh [DIR]     (default DIR: demo-study/ in the project folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-"$root/demo-study"}

"$root/scripts/setup.sh"
cli="$root/build/bin/trialbridge-cli"

echo "== writing the demo study to $dir"
rm -rf "$dir"
"$cli" demo --out "$dir" --subjects "${TB_DEMO_SUBJECTS:-2000}"

# Runs sign their audit trail with the workspace's key, kept in a secret store (docs/audit.md). Unless a
# store is configured, the demo keeps its own vault in the demo folder with a random passphrase beside it:
# for the demo only — a real workspace never keeps the passphrase next to the vault.
if [ -z "${TRIALBRIDGE_SECRETS_BACKEND:-}" ] && [ -z "${TRIALBRIDGE_VAULT_PASSPHRASE_FILE:-}" ]; then
    secrets="$dir/.demo-secrets"
    mkdir -p "$secrets"
    chmod 700 "$secrets"
    (umask 077; head -c 24 /dev/urandom | base64 > "$secrets/passphrase")
    export TRIALBRIDGE_SECRETS_BACKEND=vault TRIALBRIDGE_VAULT_FILE="$secrets/demo.tbvault" \
           TRIALBRIDGE_VAULT_PASSPHRASE_FILE="$secrets/passphrase"
    echo "== the demo's signing key goes to the vault $secrets/demo.tbvault"
fi

echo "== running the EDC → CTMS pipeline"
status=0
"$cli" run "$dir/demo.pipeline.json" || status=$?
case $status in
    0) echo "== all records loaded into $dir/ctms.db" ;;
    3) echo "== loaded into $dir/ctms.db; the seeded defects were rejected (see above, and demo-defects.json)" ;;
    *) echo "== the run failed (exit $status)"; exit "$status" ;;
esac

echo "== verifying the audit trail"
"$cli" audit verify --target "$dir/ctms.db"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${TB_NO_GUI:-}" ]; then
    echo "== opening the desktop console"
    "$root/build/bin/trialbridge" "$dir" &
fi
