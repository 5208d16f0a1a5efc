#!/usr/bin/env bash
# Audit report benchmark: `trialbridge-cli audit export --format pdf` against the CSV export of the same entries,
# measured in the same run (both read the trail through AuditExport::rows and verify it first; the PDF adds the
# layout and painting). Prints the medians of three runs, their ratio, the PDF's pages and the peak memory of
# each export. No acceptance goal: it tracks the report's cost (docs/audit.md, "The PDF report").
#
# Usage: tests/bench/audit_report_bench.sh [SUBJECTS]     (default 1000: about 13,000 audit entries)
# Needs a built tree (scripts/setup.sh; TB_BUILD=DIR for another build folder), pdfinfo and GNU time.
set -euo pipefail
source "$(dirname "$0")/bench_env.sh"
subjects=${1:-1000}

echo "== generating the demo study ($subjects subjects) and loading it"
"$cli" demo --out "$work/ws" --subjects "$subjects" --defect-rate 0.01 > /dev/null
"$cli" run "$work/ws/demo.pipeline.json" > /dev/null || [ $? -eq 3 ] # 3: finished with the seeded rejects
db="$work/ws/ctms.db"
entries=$(sqlite3 "$db" "SELECT COUNT(*) FROM audit_log")
echo "   $entries audit entries"

# Wall seconds and peak resident memory (MB) of one export, as "seconds megabytes".
measure() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$cli" audit export --target "$db" --format "$1" \
        --out "$work/out.$1" > /dev/null
    read -r s kb < "$work/time"
    echo "$s $(( kb / 1024 ))"
}
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

csvs=() pdfs=() csv_mb=0 pdf_mb=0
for _ in 1 2 3; do
    read -r s mb < <(measure csv); csvs+=("$s"); csv_mb=$(( mb > csv_mb ? mb : csv_mb ))
    read -r s mb < <(measure pdf); pdfs+=("$s"); pdf_mb=$(( mb > pdf_mb ? mb : pdf_mb ))
done
csv_s=$(median "${csvs[@]}")
pdf_s=$(median "${pdfs[@]}")
pages=$(pdfinfo "$work/out.pdf" | sed -n 's/^Pages: *//p')

printf '\n%-44s %7s %7s %7s %8s %8s\n' "measurement (seconds)" "1" "2" "3" "median" "peak MB"
printf '%-44s %7s %7s %7s %8s %8s\n' "audit export --format csv" "${csvs[@]}" "$csv_s" "$csv_mb"
printf '%-44s %7s %7s %7s %8s %8s\n' "audit export --format pdf" "${pdfs[@]}" "$pdf_s" "$pdf_mb"
echo
echo "entries:                 $entries ($pages pages)"
echo "ratio pdf / csv:         $(python3 -c "print(round($pdf_s / max($csv_s, 0.01), 1))")"
echo "pdf per 1,000 entries:   $(python3 -c "print(round($pdf_s * 1000 / max($entries, 1), 2))") s"
