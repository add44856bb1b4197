#!/bin/sh
# Benchmark of document formats on ../shared/formats: F1 per format, OCR recall and time, files per second, grouping of
# copies at several thresholds, known-item search (FormatsBench), then the peak RSS of the product's `kb index` over
# the whole folder. FormatsBench runs outside OSGi on the library jars of the materialized product (build it first:
# ./mvnw -B verify) and this checkout's analysis, ingest and index bundles (packaged here unless BENCH_SKIP_BUILD=1),
# with the real Tesseract. Results: stdout and target/formats-bench/results.txt.
#
#   releng/eu.urbanagenda.kb.bench/formats-bench.sh [--only scan-jpg,scan-pdf]   # --only: read these formats alone
# Environment: MAVEN_REPO (the local Maven repository of the build), BENCH_SKIP_BUILD=1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/features/eu.urbanagenda.kb.product.feature/rootfiles/lib/find-java.sh"
kb_find_java jdk || exit 3
product="$root/releng/eu.urbanagenda.kb.repository/target/products/eu.urbanagenda.kb/linux/gtk/x86_64/urbanagenda-kb"
[ -d "$product/plugins" ] || { echo "formats-bench.sh: build the product first (./mvnw -B verify)" >&2; exit 2; }
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    (cd "$root" && JAVA_HOME=$KB_JAVA_HOME ./mvnw -B -q -o package -DskipTests \
        ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} -pl bundles/eu.urbanagenda.kb.index -am)
fi
ours=""
for b in analysis ingest index; do
    ours="$ours$root/bundles/eu.urbanagenda.kb.$b/target/eu.urbanagenda.kb.$b-0.1.0-SNAPSHOT.jar:"
done
libs=$(cd "$product/plugins" && ls *.jar | grep -v -e swt -e jface -e '^org.eclipse.ui' -e 'e4.ui' -e '^eu.urbanagenda.kb' \
    | sed "s|^|$product/plugins/|" | tr '\n' ':')
out="$here/target/formats-bench"
rm -rf "$out"
mkdir -p "$out/classes"
"$KB_JAVA_HOME/bin/javac" -encoding UTF-8 -d "$out/classes" -cp "$ours$libs" \
    "$here/src/eu/urbanagenda/kb/bench/FormatsBench.java" \
    "$root/bundles/eu.urbanagenda.kb.ingest.tests/src/eu/urbanagenda/kb/ingest/tests/SharedFormats.java"
formats="$root/../shared/formats"
{
    echo "# formats-bench $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    "$KB_JAVA_HOME/bin/java" -Xmx2g -Dfile.encoding=UTF-8 -Djava.awt.headless=true -cp "$out/classes:$ours$libs" \
        eu.urbanagenda.kb.bench.FormatsBench "$formats" "$out" "$@"
    if [ $# -eq 0 ]; then
        # what a user runs: the product's kb index over the whole folder, from a data directory set up beforehand
        # (first use indexes the bundled seeds), with an empty OCR cache
        "$product/kb" --data "$out/kb-data" search громада > /dev/null
        echo
        echo "kb index of the whole folder through the product (/usr/bin/time -v):"
        /usr/bin/time -v "$product/kb" --data "$out/kb-data" index "$formats" > "$out/kb-index.txt" 2> "$out/kb-time.txt"
        tail -3 "$out/kb-index.txt"
        grep -e 'Elapsed (wall clock)' -e 'Maximum resident set size' -e 'User time' -e 'System time' "$out/kb-time.txt"
    fi
} 2>&1 | tee "$out/results.txt"
