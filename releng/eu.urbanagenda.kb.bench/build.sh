# Sourced by the benchmark scripts of this folder: finds a JDK, packages the search-core bundles (offline Maven,
# tests skipped) unless BENCH_SKIP_BUILD=1, and compiles the benchmarks against them and the library jars of the
# target platform in the local Maven repository (MAVEN_REPO, default ~/.m2/repository). Sets $root, $here, $cp
# (bundles and libraries) and $out (target folder, classes in $out/classes). A script that builds other bundles
# (cluster-bench.sh) sets bench_compile=no before sourcing, and uses bench_package and bench_classpath itself.
set -eu
root=$(cd "$here/../.." && pwd)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
. "$root/features/eu.urbanagenda.kb.product.feature/rootfiles/lib/find-java.sh"
kb_find_java jdk || exit 3
JAVA_HOME=$KB_JAVA_HOME
export JAVA_HOME
out="$here/target"

# bench_package MODULES: packages these reactor modules (comma-separated) and what they need, offline, tests skipped,
# unless BENCH_SKIP_BUILD=1
bench_package() {
    if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
        (cd "$root" && ./mvnw -B -q -o package -DskipTests -Dmaven.repo.local="$repo" -pl "$1" -am)
    fi
}

# bench_classpath "BUNDLES" "LIBRARIES": sets $cp to the jars of these bundles (ids without eu.urbanagenda.kb.) and
# these libraries (paths in the local Maven repository)
bench_classpath() {
    cp=""
    for b in $1; do
        cp="$cp${cp:+:}$root/bundles/eu.urbanagenda.kb.$b/target/eu.urbanagenda.kb.$b-0.1.0-SNAPSHOT.jar"
    done
    for l in $2; do
        if [ ! -f "$repo/$l" ]; then
            echo "$(basename "$0"): missing $repo/$l (build the project once online, or fix the version here)" >&2
            exit 2
        fi
        cp="$cp:$repo/$l"
    done
}

# The search core's libraries. Versions as in target-platform/urbanagenda-kb.target (and what Maven mediation picked);
# update with it.
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
[ "${bench_compile:-yes}" = no ] && return 0

bench_package bundles/eu.urbanagenda.kb.index
bench_classpath "analysis ingest index" "$libs"
mkdir -p "$out/classes"
# the attack benchmark shares its query generator with the index tests; FormatsBench needs the product's libraries
# (formats-bench.sh compiles it), ClusterBench the OpenSearch bundles (cluster-bench.sh compiles it)
"$JAVA_HOME/bin/javac" -encoding UTF-8 -d "$out/classes" -cp "$cp" \
    $(find "$here/src" -name '*.java' ! -name FormatsBench.java ! -name ClusterBench.java) \
    "$root/bundles/eu.urbanagenda.kb.index.tests/src/eu/urbanagenda/kb/index/tests/HostileQueries.java"
