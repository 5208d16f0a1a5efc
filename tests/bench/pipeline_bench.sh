#!/usr/bin/env bash
# Pipeline benchmark (issue [1/10]): the demo study at N subjects through `trialbridge-cli run`, against
# the floor measured in the same run: `sqlite3 .import` of the same CSV files into tables keyed by the
# same natural keys (WAL, one transaction per file), both as rowid tables with a primary key and as
# WITHOUT ROWID tables; the ratio is taken against the faster of the two.
#
# Usage: tests/bench/pipeline_bench.sh [SUBJECTS] [SMALL_SUBJECTS]     (defaults 100000 and 10000)
# Needs a built tree (scripts/setup.sh; TB_BUILD=DIR for another build folder). Prints wall time and peak memory, the ratios and the goals.
# Each measurement is taken ROUNDS times (default 3), the loads and imports interleaved and each into a fresh
# database; the median wall time and the highest peak memory count (a shared machine varies by a tenth from
# one minute to the next, and both sides get the same treatment).
set -euo pipefail
source "$(dirname "$0")/bench_env.sh"
subjects=${1:-100000}
small=${2:-10000}

rounds=${ROUNDS:-3}

# measure NAME CMD... : wall seconds and peak RSS (MB) of a command, added to NAME's rounds
declare -A secs mem all
measure() {
    local name=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$name.out" 2>&1 || true
    read -r s kb < <(tail -n 1 "$work/time")
    all[$name]="${all[$name]:-} $s"
    secs[$name]=$(python3 -c "import statistics; print(statistics.median(float(x) for x in '${all[$name]}'.split()))")
    local m=$((kb / 1024))
    mem[$name]=$(( m > ${mem[$name]:-0} ? m : ${mem[$name]:-0} ))
}

baseline_sql() { # $1 = table suffix ("" or " WITHOUT ROWID")
    cat <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE subjects(STUDY TEXT, SUBJECT TEXT, SITE TEXT, STATUS TEXT, SEX TEXT, BIRTH_DATE TEXT, CONSENT_DATE TEXT,
  FIRST_DOSE_DATE TEXT, ARM TEXT, LAST_MODIFIED TEXT, PRIMARY KEY (STUDY, SUBJECT))$1;
CREATE TABLE visits(STUDY TEXT, SUBJECT TEXT, VISIT_NO TEXT, VISIT_NAME TEXT, VISIT_DATE TEXT, VISIT_STATUS TEXT,
  PRIMARY KEY (STUDY, SUBJECT, VISIT_NO))$1;
CREATE TABLE adverse_events(STUDY TEXT, SUBJECT TEXT, AE_NO TEXT, TERM TEXT, START_DATE TEXT, END_DATE TEXT,
  SEVERITY TEXT, SERIOUS TEXT, OUTCOME TEXT, PRIMARY KEY (STUDY, SUBJECT, AE_NO))$1;
.mode csv
.import --skip 1 $2/edc/subjects.csv subjects
.separator ;
.import --skip 1 $2/edc/visits.csv visits
.separator ,
.import --skip 1 $2/edc/adverse_events.csv adverse_events
SQL
}

echo "== generating the demo study: $subjects and $small subjects (defect rate 0.01)"
"$cli" demo --out "$work/big" --subjects "$subjects" --defect-rate 0.01 > /dev/null
"$cli" demo --out "$work/small" --subjects "$small" --defect-rate 0.01 > /dev/null
rows=$(( $(wc -l < "$work/big/edc/subjects.csv") + $(wc -l < "$work/big/edc/visits.csv") + $(wc -l < "$work/big/edc/adverse_events.csv") - 3 ))
mb=$(du -cm "$work/big/edc/"*.csv | tail -n 1 | cut -f1)
echo "   $rows source rows, $mb MB of CSV"

baseline_sql "" "$work/big" > "$work/rowid.sql"
baseline_sql " WITHOUT ROWID" "$work/big" > "$work/norowid.sql"
for round in $(seq "$rounds"); do
    rm -f "$work"/rowid.db* "$work"/norowid.db* "$work"/big/ctms.db* "$work"/small/ctms.db*
    sync
    measure import_rowid sh -c "sqlite3 '$work/rowid.db' < '$work/rowid.sql'"
    measure import_norowid sh -c "sqlite3 '$work/norowid.db' < '$work/norowid.sql'"
    sync
    measure run "$cli" run "$work/big/demo.pipeline.json"
    measure rerun "$cli" run "$work/big/demo.pipeline.json"
    measure run_small "$cli" run "$work/small/demo.pipeline.json"
done
echo "   rounds (seconds): run${all[run]}; .import rowid${all[import_rowid]}; WITHOUT ROWID${all[import_norowid]}"
grep -E "^(subject|visit|adverse_event) " "$work/run.out" || cat "$work/run.out"

floor=$(python3 -c "print(min(${secs[import_rowid]}, ${secs[import_norowid]}))")
ratio=$(python3 -c "print(round(${secs[run]} / $floor, 2))")
rerun_share=$(python3 -c "print(round(100 * ${secs[rerun]} / ${secs[run]}, 1))")
mem_ratio=$(python3 -c "print(round(${mem[run]} / ${mem[run_small]}, 2))")

printf '\n%-44s %9s %9s\n' "measurement" "seconds" "peak MB"
printf '%-44s %9s %9s\n' "sqlite3 .import, rowid tables + primary key" "${secs[import_rowid]}" "${mem[import_rowid]}"
printf '%-44s %9s %9s\n' "sqlite3 .import, WITHOUT ROWID tables" "${secs[import_norowid]}" "${mem[import_norowid]}"
printf '%-44s %9s %9s\n' "trialbridge-cli run ($subjects subjects)" "${secs[run]}" "${mem[run]}"
printf '%-44s %9s %9s\n' "trialbridge-cli run, unchanged re-run" "${secs[rerun]}" "${mem[rerun]}"
printf '%-44s %9s %9s\n' "trialbridge-cli run ($small subjects)" "${secs[run_small]}" "${mem[run_small]}"

verdict() { if python3 -c "import sys; sys.exit(0 if $1 else 1)"; then echo "met"; else echo "NOT met"; fi; }
echo
echo "ratio run / import floor:          $ratio   (goal <= 2.0: $(verdict "$ratio <= 2.0"))"
echo "peak memory of run:                ${mem[run]} MB   (goal <= 300: $(verdict "${mem[run]} <= 300"))"
echo "memory $subjects vs $small subjects: $mem_ratio   (goal <= 1.5: $(verdict "$mem_ratio <= 1.5"))"
echo "unchanged re-run / full run:       $rerun_share %   (goal <= 25 %: $(verdict "$rerun_share <= 25"))"
