#!/usr/bin/env bash
# Times `demarche list DIR --filter WORD --format jsonl` (whole process: load, filter, print)
# against `fzf --filter WORD` over the bare quote lines of the same corpus, and prints the ratios.
# demarche is timed three ways: parsing without the snapshot cache (--no-cache), the first run
# (parse, print, then write the snapshot; the cache is cleared before each timed run), and the
# cached run (read from the snapshot).
#
# Usage: scripts/compare-fzf.sh [WORD...]        (default words: grenze ultimatum)
# Env:   STATEMENTS=1000000  corpus size (generated once, reused from the target dir)
#        RUNS=5              timed runs per command
#        PAIRS=8             then fzf and `list --no-cache` run by turns, PAIRS times each, and
#                            the median of each pair's ratio is printed: the machine's drift
#                            over the minutes between hyperfine's blocks cancels out (0: skip)
#        DEMARCHE_CACHE_DIR  snapshot folder (default: $CARGO_TARGET_DIR/demarche-cache)
#        CORPUS, QUOTES      an existing corpus folder and its quote lines, instead of generating them
set -euo pipefail
cd "$(dirname "$0")/.."

STATEMENTS=${STATEMENTS:-1000000}
RUNS=${RUNS:-5}
PAIRS=${PAIRS:-8}
WORDS=("$@")
[ ${#WORDS[@]} -gt 0 ] || WORDS=(grenze ultimatum)
TARGET=${CARGO_TARGET_DIR:-target}
BIN="$TARGET/release/demarche"
DIR=${CORPUS:-$TARGET/demarche-corpus/${STATEMENTS}-s1}
QUOTES=${QUOTES:-$TARGET/demarche-corpus/${STATEMENTS}-s1.quotes.txt}
export DEMARCHE_CACHE_DIR=${DEMARCHE_CACHE_DIR:-$TARGET/demarche-cache}
unset DEMARCHE_NO_CACHE DEMARCHE_CACHE_MIN_BYTES

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
    "$BIN" list --no-cache "$DIR" --format jsonl | jq -r '.text | gsub("[\n\r]"; " ")' > "$QUOTES"
fi
echo "corpus: $DIR ($STATEMENTS statements, $(du -b --apparent-size -c "$DIR"/*.jsonl | tail -1 | cut -f1) bytes); quotes: $(wc -l < "$QUOTES") lines, $(stat -c %s "$QUOTES") bytes"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); fzf $(fzf --version | cut -d' ' -f1)"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_cmd() { # time_cmd COMMAND [PREPARE]: prints the median wall time in seconds (PREPARE runs before each run, untimed)
    local cmd=$1 prepare=${2:-true}
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup 1 --runs "$RUNS" --prepare "$prepare" \
            --export-json "/tmp/compare-fzf.$$.json" "$cmd" >/dev/null
        jq -r '.results[0].median' "/tmp/compare-fzf.$$.json"
        rm -f "/tmp/compare-fzf.$$.json"
    else
        bash -c "$prepare; $cmd" >/dev/null 2>&1
        for _ in $(seq "$RUNS"); do
            bash -c "$prepare" >/dev/null 2>&1
            /usr/bin/time -f %e bash -c "$cmd" 2>&1 >/dev/null | tail -1
        done | median
    fi
}

clear_cache="$BIN cache clear 2>/dev/null"
printf '%-10s %-36s %10s %10s %8s\n' word command "median s" matches ratio
for word in "${WORDS[@]}"; do
    list="$BIN list $DIR --filter $word --format jsonl"
    f_cmd="fzf --filter $word < $QUOTES > /dev/null"
    e_cmd="fzf --exact --filter $word < $QUOTES > /dev/null"
    d_n=$($list --no-cache | wc -l)
    c_n=$($list | wc -l) # also writes the snapshot
    f_n=$(fzf --filter "$word" < "$QUOTES" | wc -l)
    e_n=$(fzf --exact --filter "$word" < "$QUOTES" | wc -l)
    f=$(time_cmd "$f_cmd")
    e=$(time_cmd "$e_cmd")
    p=$(time_cmd "$list --no-cache > /dev/null")
    w=$(time_cmd "$list > /dev/null" "$clear_cache")
    c=$(time_cmd "$list > /dev/null")
    row() { printf '%-10s %-36s %10.3f %10s %8.2f\n' "$word" "$1" "$2" "$3" "$(echo "$f / $2" | bc -l)"; }
    row "fzf --filter" "$f" "$f_n"
    row "fzf --exact --filter" "$e" "$e_n"
    row "demarche list --no-cache (parse)" "$p" "$d_n"
    row "demarche list, first (+ snapshot)" "$w" "$d_n"
    row "demarche list, cached" "$c" "$c_n"
done
if [ "$PAIRS" -gt 0 ]; then
    echo "paired, by turns: fzf --filter WORD, then demarche list --no-cache (parse), $PAIRS times"
    for word in "${WORDS[@]}"; do
        for _ in $(seq "$PAIRS"); do
            f=$( { /usr/bin/time -f %e fzf --filter "$word" < "$QUOTES" > /dev/null; } 2>&1 | tail -1)
            d=$( { /usr/bin/time -f %e $BIN list --no-cache "$DIR" --filter "$word" --format jsonl > /dev/null; } 2>&1 | tail -1)
            echo "$f / $d" | bc -l
        done | sort -g | awk -v w="$word" '{a[NR]=$1} END {m=(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2); printf "%-10s fzf / demarche --no-cache, paired: median %.3f (lowest %.3f, highest %.3f)\n", w, m, a[1], a[NR]}'
    done
fi
echo "snapshot: $(du -b --apparent-size -c "$DEMARCHE_CACHE_DIR"/*.demarche-snapshot | tail -1 | cut -f1) bytes in $DEMARCHE_CACHE_DIR"
echo "ratio = fzf --filter median / this median (above 1: faster than fzf --filter)"
