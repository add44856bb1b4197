#!/bin/sh
# Time from process start to the first workbench window of the materialized product, as the product itself prints
# it ("urbanagenda-kb: workbench window open (N ms after process start)"). Each run gets its own display (xvfb-run)
# and HOME; "first" runs start with an empty data directory (the bundled knowledge base is copied, the seeds are
# indexed after the window opens), "again" runs reuse it.
#   releng/tools/measure-startup.sh [RUNS]      (after ./mvnw verify has materialized the product;
#                                                KB_PRODUCT=path/to/kb measures another one)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
product="${KB_PRODUCT:-$root/releng/eu.urbanagenda.kb.repository/target/products/eu.urbanagenda.kb/linux/gtk/x86_64/urbanagenda-kb/kb}"
runs=${1:-5}
[ -x "$product" ] || { echo "measure-startup: no product at $product (build it first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
once() { # $1 = data directory, $2 = label
    log="$work/out.txt"
    HOME="$work/home" xvfb-run -a -s "-screen 0 1280x1024x24" "$product" --data "$1" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
        if grep -q "workbench window open" "$log" 2>/dev/null; then break; fi
        sleep 0.1
    done
    ms=$(sed -n 's/.*workbench window open (\([0-9]*\) ms after process start).*/\1/p' "$log" | head -n 1)
    sleep 2
    for child in $(pgrep -P "$pid" -f equinox.launcher); do kill -TERM "$child"; done
    wait "$pid" 2>/dev/null || true
    echo "$2 ${ms:-?} ms"
    [ -n "$ms" ] || { echo "  (no window within 60 s; the output was:)"; sed 's/^/    /' "$log" | tail -n 15; }
}
mkdir -p "$work/home"
for i in $(seq 1 "$runs"); do
    once "$work/data-$i" "first start (empty data directory):"
    once "$work/data-$i" "second start (same data directory): "
done
