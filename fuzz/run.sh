#!/bin/sh
# Runs cargo-fuzz targets one after another and prints, per target, the
# executions, the coverage (cov:, ft: of libFuzzer's last stats line) and
# the crash, timeout and out-of-memory inputs it left in artifacts/TARGET.
#
#   fuzz/run.sh [-runs N | -time SECONDS] [TARGET ...]
#
# Without targets every target in Cargo.toml runs; the default is -runs
# 1000000. Each target's corpus is fuzz/corpus/TARGET (kept between runs,
# not committed), seeded from the repository's fixtures the first time.
# Runs at the lowest priority (nice 19); set CARGO_TARGET_DIR to build
# elsewhere. Built without a sanitizer (the library forbids unsafe code, and
# AddressSanitizer costs most of the speed) but with debug assertions, so
# overflows fail; FUZZ_SANITIZER=address brings it back. Needs
# `cargo install cargo-fuzz` and a nightly toolchain.
set -eu
cd "$(dirname "$0")"
root=..

limit="-runs=1000000"
case "${1:-}" in
-runs) limit="-runs=$2"; shift 2 ;;
-time) limit="-max_total_time=$2"; shift 2 ;;
esac
targets="$*"
[ -n "$targets" ] || targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^huiyi-fuzz$')

# Copies the seed files of a target into its corpus (a zip member where the
# target reads one part of a package).
seed() {
    corpus=corpus/$1
    mkdir -p "$corpus"
    case $1 in
    doc) cp "$root"/fixtures/read/doc/*.doc "$root"/fixtures/read/doc/*.dot "$corpus" ;;
    docx) cp "$root"/fixtures/docx/*.docx "$root"/fixtures/read/office/*.docx "$corpus" ;;
    docx_xml)
        for f in "$root"/fixtures/docx/*.docx "$root"/fixtures/read/office/*.docx; do
            unzip -p "$f" word/document.xml > "$corpus/$(basename "$f" .docx).xml"
        done ;;
    odt)
        for f in "$root"/fixtures/read/odt/*.odt; do
            unzip -p "$f" content.xml > "$corpus/$(basename "$f" .odt).xml"
        done ;;
    pdf) cp "$root"/fixtures/read/pdf/*.pdf "$corpus" ;;
    rtf) cp "$root"/fixtures/read/rtf/*.rtf "$corpus" ;;
    markdown) cp "$root"/fixtures/reports/*.md "$corpus" ;;
    text) cp "$root"/fixtures/read/*.txt "$root"/fixtures/reports/*.txt "$corpus" ;;
    html) cp "$root"/fixtures/read/*.html "$root"/fixtures/reports/*.html "$corpus" ;;
    time) cp seeds/time/* "$root"/fixtures/reports/*.txt "$corpus" ;;
    extract) cp "$root"/fixtures/reports/*.txt "$root"/fixtures/reports/*.md "$corpus" ;;
    *) echo "no seeds for $1" >&2 ;;
    esac
}

printf '%-10s %12s %8s %8s %s\n' target executions cov ft findings
for t in $targets; do
    [ -d "corpus/$t" ] || seed "$t"
    mkdir -p "artifacts/$t" logs
    log=logs/$t.log
    # A failing target still reports its figures; its findings are listed.
    nice -n 19 cargo +nightly fuzz run -s "${FUZZ_SANITIZER:-none}" "$t" "corpus/$t" -- \
        "$limit" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > "$log" 2>&1 || true
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    stats=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
    cov=$(echo "$stats" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$stats" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    findings=$(ls "artifacts/$t" | tr '\n' ' ')
    printf '%-10s %12s %8s %8s %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${findings:-none}"
done
