#!/bin/sh
# Search quality on the known-item queries of ../shared/eval (recall at 10 and MRR per language and kind), the
# product against Lucene's stock Ukrainian and Bulgarian analyzers in the same run, for all queries and both halves
# of the tuning split. Not part of the build.
#
#   releng/eu.urbanagenda.kb.bench/quality.sh [--misses] [--queries TSV] [--corpus DIR] [--work DIR]
#
# --misses also lists every query whose target is not first. The indexes are kept under target/quality (the
# product's is updated incrementally, and rebuilt when the analysis changes). Environment as for bench.sh.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/build.sh"
cd "$here"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx"${BENCH_HEAP:-2g}" -Dfile.encoding=UTF-8 \
    -cp "$out/classes:$cp" eu.urbanagenda.kb.bench.QualityBench --corpus "$root/../shared/corpus" \
    --queries "$root/../shared/eval/known-item-queries.tsv" --work "$out/quality" "$@"
