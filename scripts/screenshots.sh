#!/usr/bin/env bash
# Writes docs/screenshots/*.png: every page of the console on the demo workspace, under Xvfb at 1280×800
# (workspace, connections, mappings — the designer on visits.mapping.json with its sample, and mappings-transform:
# its status link's value map profiled from the sample — pipelines, runs, reconciliation, audit and its mapping
# revisions), the settings dialog, runs and reconciliation in the dark palette, and the designer at 200 % scaling.
# Usage: scripts/screenshots.sh          (after scripts/setup.sh; TB_BUILD_DIR=DIR for another build folder,
#                                          TB_SCREENSHOTS_DIR=DIR to write elsewhere than docs/screenshots)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TB_BUILD_DIR:-$root/build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A throw-away vault for the run's signing key, opened by the console from the same passphrase file.
head -c 24 /dev/urandom | base64 > "$work/passphrase"
chmod 600 "$work/passphrase"
export TRIALBRIDGE_SECRETS_BACKEND=vault TRIALBRIDGE_VAULT_FILE="$work/screens.tbvault" \
       TRIALBRIDGE_VAULT_PASSPHRASE_FILE="$work/passphrase"
"$build/bin/trialbridge-cli" demo --out "$work/demo" --subjects 2000 > /dev/null
"$build/bin/trialbridge-cli" run "$work/demo/demo.pipeline.json" > /dev/null || [ $? -eq 3 ]
# A nightly schedule, shown on the Pipelines page.
sed -i 's|^    "study": "demo.study.json",|    "schedule": {"cron": "0 2 * * *", "timeZone": "Europe/Berlin"},\n&|' "$work/demo/demo.pipeline.json"
# Change control for the Audit page: two users, the visits mapping approved, the subjects mapping in review.
cli() { "$build/bin/trialbridge-cli" "$@" --workspace "$work/demo" > /dev/null; }
printf 'screens-passphrase\n' | cli user create alee --name "Ann Lee" --role analyst
printf 'screens-passphrase\n' | cli user create jdoe --name "Jane Doe" --role qa
for m in visits subjects; do
    printf 'alee\nscreens-passphrase\n' | cli mapping submit "$work/demo/$m.mapping.json" --target "$work/demo/ctms.db"
done
printf 'jdoe\nscreens-passphrase\n' | cli mapping approve "$work/demo/visits.mapping.json" --target "$work/demo/ctms.db" \
    --comment "windows and codelists checked"
out=${TB_SCREENSHOTS_DIR:-$root/docs/screenshots}
mkdir -p "$out"
XDG_CONFIG_HOME="$work/config" xvfb-run -a -s "-screen 0 1280x800x24" \
    "$build/bin/trialbridge" --screenshots "$out" "$work/demo"
# The same at 200 % scaling on a screen of twice the pixels; the mapping designer is the densest page.
XDG_CONFIG_HOME="$work/config-200" QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2560x1600x24" \
    "$build/bin/trialbridge" --screenshots "$work/200" "$work/demo"
cp "$work/200/mappings.png" "$out/mappings-200.png"
ls -1 "$out"
