# Sourced by the benchmark scripts here: $root (the project), $cli (trialbridge-cli of build/, or of the folder
# TB_BUILD names), $work (a temporary folder, removed on exit) and a throw-away vault for the runs' audit signing
# key (docs/audit.md). Its key derivation (Argon2id, 64 MiB, about 0.2 s) is part of every run's time and peak
# memory.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cli="${TB_BUILD:-$root/build}/bin/trialbridge-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'benchmark-vault-passphrase\n' > "$work/pass"
chmod 600 "$work/pass"
export TRIALBRIDGE_SECRETS_BACKEND=vault TRIALBRIDGE_VAULT_FILE="$work/bench.tbvault" \
       TRIALBRIDGE_VAULT_PASSPHRASE_FILE="$work/pass"
