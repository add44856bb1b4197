#!/bin/sh
# Benchmark of the search core (indexing throughput, query latency, rg comparison, heap). Not part of the build:
# this folder has no MANIFEST.MF/pom.xml, so the pomless reactor skips it.
#
#   releng/eu.urbanagenda.kb.bench/bench.sh [--docs 100000] [--threads 2] [--rounds 30] [--corpus DIR] [--work DIR]
#
# It packages the ingest and index bundles (offline Maven, tests skipped), compiles SearchBench against them and
# the library jars of the target platform in the local Maven repository, and runs it. Results are printed and
# written to releng/eu.urbanagenda.kb.bench/target/bench/results.md; the sampled corpus is generated under
# target/bench (about 250 MB for 100,000 documents) and reused by later runs.
# Environment: JAVA_HOME (a JDK 21+; else found as ./mvnw finds it), MAVEN_REPO (default ~/.m2/repository), BENCH_HEAP (default 3g),
# BENCH_SKIP_BUILD=1 to use the bundle jars already in bundles/*/target.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/build.sh"
cd "$here"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx"${BENCH_HEAP:-3g}" -Dfile.encoding=UTF-8 \
    -cp "$out/classes:$cp" eu.urbanagenda.kb.bench.SearchBench --corpus "$root/../shared/corpus" \
    --work "$out/bench" "$@"
