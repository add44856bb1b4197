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
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
. "$root/features/eu.urbanagenda.kb.product.feature/rootfiles/lib/find-java.sh"
kb_find_java jdk || exit 3
JAVA_HOME=$KB_JAVA_HOME
export JAVA_HOME

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    (cd "$root" && ./mvnw -B -q -o package -DskipTests -pl bundles/eu.urbanagenda.kb.index -am)
fi

# Versions as in target-platform/urbanagenda-kb.target (and what Maven mediation picked); update with it.
libs="
org/apache/lucene/lucene-core/10.5.0/lucene-core-10.5.0.jar
org/apache/lucene/lucene-analysis-common/10.5.0/lucene-analysis-common-10.5.0.jar
org/apache/lucene/lucene-analysis-morfologik/10.5.0/lucene-analysis-morfologik-10.5.0.jar
org/apache/lucene/lucene-queryparser/10.5.0/lucene-queryparser-10.5.0.jar
org/apache/lucene/lucene-queries/10.5.0/lucene-queries-10.5.0.jar
org/apache/lucene/lucene-highlighter/10.5.0/lucene-highlighter-10.5.0.jar
org/apache/lucene/lucene-memory/10.5.0/lucene-memory-10.5.0.jar
org/carrot2/morfologik-stemming/2.1.9/morfologik-stemming-2.1.9.jar
org/carrot2/morfologik-fsa/2.1.9/morfologik-fsa-2.1.9.jar
ua/net/nlp/morfologik-ukrainian-search/4.9.1/morfologik-ukrainian-search-4.9.1.jar
org/jsoup/jsoup/1.24.1/jsoup-1.24.1.jar
org/apache/pdfbox/pdfbox/3.0.8/pdfbox-3.0.8.jar
org/apache/pdfbox/pdfbox-io/3.0.8/pdfbox-io-3.0.8.jar
org/apache/pdfbox/fontbox/3.0.8/fontbox-3.0.8.jar
commons-logging/commons-logging/1.4.0/commons-logging-1.4.0.jar
org/eclipse/platform/org.eclipse.equinox.common/3.21.0/org.eclipse.equinox.common-3.21.0.jar
org/eclipse/platform/org.eclipse.osgi/3.24.300/org.eclipse.osgi-3.24.300.jar
"
cp="$root/bundles/eu.urbanagenda.kb.analysis/target/eu.urbanagenda.kb.analysis-0.1.0-SNAPSHOT.jar:$root/bundles/eu.urbanagenda.kb.ingest/target/eu.urbanagenda.kb.ingest-0.1.0-SNAPSHOT.jar:$root/bundles/eu.urbanagenda.kb.index/target/eu.urbanagenda.kb.index-0.1.0-SNAPSHOT.jar"
for l in $libs; do
    if [ ! -f "$repo/$l" ]; then
        echo "bench.sh: missing $repo/$l (build the project once online, or fix the version here)" >&2
        exit 2
    fi
    cp="$cp:$repo/$l"
done

out="$here/target"
mkdir -p "$out/classes"
"$JAVA_HOME/bin/javac" -encoding UTF-8 -d "$out/classes" -cp "$cp" "$here/src/eu/urbanagenda/kb/bench/SearchBench.java"
cd "$here"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx"${BENCH_HEAP:-3g}" -Dfile.encoding=UTF-8 \
    -cp "$out/classes:$cp" eu.urbanagenda.kb.bench.SearchBench --corpus "$root/../shared/corpus" \
    --work "$out/bench" "$@"
