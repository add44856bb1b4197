#!/bin/sh
# Benchmark of the command line as scripts use it, from the outside, over the development corpus: `kb search` answered
# by a running service (kb serve), standalone `kb search` (a process of its own, cold), a batch of 1,000 queries in one
# process (with and without the service), against Recoll's recollq over a Recoll index of the same files, all in one
# run. Not part of the build (this folder has no MANIFEST.MF/pom.xml).
#
#   releng/eu.urbanagenda.kb.bench/cli-bench.sh [--corpus DIR] [--work DIR] [--runs N] [--baseline PRODUCT_DIR]
#
# Needs the materialized product (./mvnw verify; KB_PRODUCT=DIR measures another one), hyperfine, and recollcmd for the
# comparison (apt-get install recollcmd: for the benchmark only, no test needs it). --baseline names another product
# folder (e.g. one built from main, copied aside) whose standalone search is measured in the same run as the reference.
# The data directory, the Recoll index and the query file are made under --work (default /tmp/kb-cli-bench) on the first
# run and reused. Prints the figures and writes them to WORK/results.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
product=${KB_PRODUCT:-$root/releng/eu.urbanagenda.kb.repository/target/products/eu.urbanagenda.kb/linux/gtk/x86_64/urbanagenda-kb}
corpus=$root/../shared/corpus
work=${TMPDIR:-/tmp}/kb-cli-bench
runs=30
baseline=
while [ $# -gt 0 ]; do
    case $1 in
        --corpus) corpus=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        *) echo "cli-bench: unknown option $1" >&2; exit 2 ;;
    esac
done
kb=$product/kb
[ -x "$kb" ] || { echo "cli-bench: no product at $product (build it first)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "cli-bench: needs hyperfine" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd)
mkdir -p "$work"
data=$work/data
results=$work/results.md
export XDG_CACHE_HOME=$work/cache # the class-data archives and command-line configurations of these runs
query=громада

say() { printf '%s\n' "$*" | tee -a "$results"; }
# the median of each command of a hyperfine JSON export, in ms
medians() {
    awk -F'"' '/"command":/ { name = $4 } /"median":/ { split($0, v, ":"); gsub(/[ ,]/, "", v[2]); printf "- %s: median %.1f ms\n", name, v[2] * 1000 }' "$1" \
        | tee -a "$results"
}
# hyperfine over the commands given (-n NAME COMMAND ...): $1 names the exports, $2 warm-up runs, $3 runs
compare() {
    name=$1 warmup=$2 count=$3
    shift 3
    hyperfine -N --warmup "$warmup" --runs "$count" --export-markdown "$work/$name.md" --export-json "$work/$name.json" "$@" >&2
    cat "$work/$name.md" >> "$results"
    medians "$work/$name.json"
}
: > "$results"
say "cli-bench $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -f "$data/sources.txt" ]; then
    echo "cli-bench: indexing $corpus into $data (once) ..." >&2
    KB_SERVICE=off "$kb" --data "$data" index "$corpus" >/dev/null
fi
KB_SERVICE=off "$kb" --data "$data" search "$query" >/dev/null # the class-data archive and the links snapshot

# 1,000 queries: the 360 known-item queries of ../shared/eval and 640 words of the corpus (ranks 200 to 839 by frequency)
queries=$work/queries.txt
if [ ! -f "$queries" ]; then
    { tail -n +2 "$root/../shared/eval/known-item-queries.tsv" | cut -f4
      find "$corpus" -type f -name '*.txt' -exec cat {} + | LC_ALL=C.UTF-8 grep -oE '[[:alpha:]]{5,}' \
          | LC_ALL=C sort | uniq -c | sort -k1,1nr -k2 | sed -n '200,839p' | awk '{print $2}'; } > "$queries"
fi
say "queries: $(wc -l < "$queries") in $queries"

recoll=
if command -v recollq >/dev/null && command -v recollindex >/dev/null; then
    recoll=$work/recoll
    if [ ! -d "$recoll/xapiandb" ]; then
        mkdir -p "$recoll"
        printf 'topdirs = %s\nindexstemminglanguages = russian english\n' "$corpus" > "$recoll/recoll.conf"
        echo "cli-bench: Recoll indexing $corpus (once) ..." >&2
        recollindex -c "$recoll" >/dev/null 2>&1
    fi
else
    say "recollq: not installed (apt-get install recollcmd), not compared"
fi

# the service
"$kb" --data "$data" serve 2> "$work/serve.log" &
serve=$!
trap 'kill -TERM $serve 2>/dev/null || true' EXIT
while ! grep -q "kb serve: serving" "$work/serve.log"; do
    kill -0 $serve 2>/dev/null || { cat "$work/serve.log" >&2; exit 3; }
    sleep 0.2
done

# a service just started has a cold JIT: its first batch shows what a script pays right after kb serve starts
start=$(date +%s%N)
"$kb" --data "$data" search --batch "$queries" >/dev/null 2>&1 || true
say ""
say "first kb search --batch of the 1,000 queries, the service just started: $(( ($(date +%s%N) - start) / 1000000 )) ms"

say ""
say "## kb search \"$query\" answered by kb serve, and recollq, $runs runs each (hyperfine)"
set -- -n "kb search (service)" "$kb --data $data search $query"
[ -z "$recoll" ] || set -- "$@" -n "recollq -n 10 -A" "recollq -c $recoll -n 10 -A $query"
compare service 5 "$runs" "$@"

say ""
say "## 1,000 queries in one process (kb search --batch), 3 runs"
compare batch 1 3 -n "kb search --batch (service)" "$kb --data $data search --batch $queries" \
    -n "kb search --batch (standalone)" "env KB_SERVICE=off $kb --data $data search --batch $queries"
if [ -n "$recoll" ]; then
    start=$(date +%s%N)
    while IFS= read -r q; do recollq -c "$recoll" -n 10 -A "$q" >/dev/null 2>&1 || true; done < "$queries"
    say "recollq, one process per query for the same 1,000 queries: $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi

# peak memory: the median maximum resident set of 7 runs
peak() {
    for _ in 1 2 3 4 5 6 7; do /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; done | sort -n | sed -n 4p
}
client_peak=$(( $(peak "$kb" --data "$data" search "$query") / 1024 ))

kill -TERM $serve
wait $serve 2>/dev/null || true
trap - EXIT

say ""
say "## standalone kb search \"$query\" (a process of its own), $runs runs each"
set -- -n "kb search (standalone)" "env KB_SERVICE=off $kb --data $data search $query"
[ -z "$baseline" ] || set -- "$@" -n "kb search (baseline product)" "$baseline/kb --data $data search $query"
compare standalone 2 "$runs" "$@"

say ""
say "peak memory, median of 7 (max RSS):"
say "- kb search answered by the service (the client process): $client_peak MiB"
say "- kb search (standalone): $(( $(peak env KB_SERVICE=off "$kb" --data "$data" search "$query") / 1024 )) MiB"
[ -z "$baseline" ] || say "- kb search (baseline product): $(( $(peak "$baseline/kb" --data "$data" search "$query") / 1024 )) MiB"
[ -z "$recoll" ] || say "- recollq: $(( $(peak recollq -c "$recoll" -n 10 -A "$query") / 1024 )) MiB"
say ""
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cli-bench: results in $results" >&2
