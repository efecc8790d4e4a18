#!/usr/bin/env bash
# Times `demarche list DIR --filter WORD --format jsonl` (whole process: load, filter, print)
# against `fzf --filter WORD` over the bare quote lines of the same corpus, and prints the ratios.
#
# Usage: scripts/compare-fzf.sh [WORD...]        (default words: grenze ultimatum)
# Env:   STATEMENTS=1000000  corpus size (generated once, reused from the target dir)
#        RUNS=5              timed runs per command
set -euo pipefail
cd "$(dirname "$0")/.."

STATEMENTS=${STATEMENTS:-1000000}
RUNS=${RUNS:-5}
WORDS=("$@")
[ ${#WORDS[@]} -gt 0 ] || WORDS=(grenze ultimatum)
TARGET=${CARGO_TARGET_DIR:-target}
BIN="$TARGET/release/demarche"
DIR="$TARGET/demarche-corpus/${STATEMENTS}-s1"
QUOTES="$TARGET/demarche-corpus/${STATEMENTS}-s1.quotes.txt"

need() { # need COMMAND PACKAGE: install PACKAGE from Debian if COMMAND is missing
    command -v "$1" >/dev/null && return 0
    echo "installing $2 (apt-get)..." >&2
    if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq >&2; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}
need fzf fzf
need jq jq
need hyperfine hyperfine || echo "hyperfine not available: timing with /usr/bin/time" >&2

cargo build --release --quiet
if [ ! -e "$DIR/.complete" ]; then
    "$BIN" generate --statements "$STATEMENTS" --seed 1 -o "$DIR" --force
    touch "$DIR/.complete"
fi
if [ ! -s "$QUOTES" ] || [ "$QUOTES" -ot "$DIR/.complete" ]; then
    # One statement text per line, as fzf would be fed them.
    "$BIN" list "$DIR" --format jsonl | jq -r '.text | gsub("[\n\r]"; " ")' > "$QUOTES"
fi
echo "corpus: $DIR ($STATEMENTS statements, $(du -b --apparent-size -c "$DIR"/*.jsonl | tail -1 | cut -f1) bytes); quotes: $(wc -l < "$QUOTES") lines, $(stat -c %s "$QUOTES") bytes"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); fzf $(fzf --version | cut -d' ' -f1)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_cmd() { # time_cmd NAME COMMAND: prints the median wall time in seconds
    local name=$1 cmd=$2
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "/tmp/compare-fzf.$$.json" "$cmd" >/dev/null
        jq -r '.results[0].median' "/tmp/compare-fzf.$$.json"
        rm -f "/tmp/compare-fzf.$$.json"
    else
        bash -c "$cmd" >/dev/null 2>&1
        for _ in $(seq "$RUNS"); do
            /usr/bin/time -f %e bash -c "$cmd" 2>&1 >/dev/null | tail -1
        done | median
    fi
}

printf '%-10s %-28s %10s %10s %8s\n' word command "median s" matches ratio
for word in "${WORDS[@]}"; do
    d_cmd="$BIN list $DIR --filter $word --format jsonl > /dev/null"
    f_cmd="fzf --filter $word < $QUOTES > /dev/null"
    e_cmd="fzf --exact --filter $word < $QUOTES > /dev/null"
    d_n=$("$BIN" list "$DIR" --filter "$word" --format jsonl | wc -l)
    f_n=$(fzf --filter "$word" < "$QUOTES" | wc -l)
    e_n=$(fzf --exact --filter "$word" < "$QUOTES" | wc -l)
    d=$(time_cmd demarche "$d_cmd")
    f=$(time_cmd fzf "$f_cmd")
    e=$(time_cmd fzf-exact "$e_cmd")
    printf '%-10s %-28s %10.3f %10s %8s\n' "$word" "demarche list --format jsonl" "$d" "$d_n" "1.00"
    printf '%-10s %-28s %10.3f %10s %8.2f\n' "$word" "fzf --filter" "$f" "$f_n" "$(echo "$f / $d" | bc -l)"
    printf '%-10s %-28s %10.3f %10s %8.2f\n' "$word" "fzf --exact --filter" "$e" "$e_n" "$(echo "$e / $d" | bc -l)"
done
echo "ratio = fzf median / demarche median (above 1: demarche is faster)"
