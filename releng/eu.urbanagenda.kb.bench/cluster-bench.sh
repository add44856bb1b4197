#!/bin/sh
# Benchmark of search on OpenSearch against the local index: the same sampled corpus (generated as bench.sh does) and
# the same queries on the local index, a 1-node and a 3-node cluster (3 shards, 1 replica) on this machine; indexing
# throughput, query p50/p99 (full and bare), memory of the client and of each node. Not part of the build.
#
#   releng/eu.urbanagenda.kb.bench/cluster-bench.sh [--docs 100000] [--threads 2] [--rounds 30] [--node-heap 1g]
#
# It packages the search-core and OpenSearch bundles and the plugin (offline Maven, tests skipped; BENCH_SKIP_BUILD=1 to
# use what bundles/*/target already has), compiles ClusterBench with SearchBench and the tests' TestCluster against
# them and the target platform's jars in the local Maven repository (MAVEN_REPO, default ~/.m2/repository), and runs
# it. Nodes run from the distribution the OpenSearch test bundle unpacks (else unpacked here from the Maven
# repository), as nobody when run as root. Results: target/bench/results-cluster.md. BENCH_HEAP: client heap (3g).
# BENCH_START_MINUTES: how long the nodes may take to go green (10; three nodes on a loaded machine are slow).
here=$(cd "$(dirname "$0")" && pwd)
bench_compile=no
. "$here/build.sh"
bench_package bundles/eu.urbanagenda.kb.index.opensearch,releng/eu.urbanagenda.kb.opensearch.plugin
# the search core's and the OpenSearch client's; versions as in target-platform/urbanagenda-kb.target
bench_classpath "analysis ingest index index.opensearch" "$libs
org/opensearch/client/opensearch-java/3.9.0/opensearch-java-3.9.0.jar
org/apache/httpcomponents/client5/httpclient5/5.6/httpclient5-5.6.jar
org/apache/httpcomponents/core5/httpcore5/5.4.2/httpcore5-5.4.2.jar
org/apache/httpcomponents/core5/httpcore5-h2/5.4.2/httpcore5-h2-5.4.2.jar
org/eclipse/parsson/parsson/1.1.7/parsson-1.1.7.jar
jakarta/json/jakarta.json-api/2.1.3/jakarta.json-api-2.1.3.jar
com/fasterxml/jackson/core/jackson-core/2.21.2/jackson-core-2.21.2.jar
com/fasterxml/jackson/core/jackson-databind/2.21.2/jackson-databind-2.21.2.jar
com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar
org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar
org/slf4j/slf4j-nop/1.7.36/slf4j-nop-1.7.36.jar
"

distribution="$root/bundles/eu.urbanagenda.kb.index.opensearch.tests/target/opensearch/opensearch-3.8.0"
if [ ! -x "$distribution/bin/opensearch" ]; then
    zip="$repo/org/opensearch/distribution/integ-test-zip/opensearch/3.8.0/opensearch-3.8.0.zip"
    [ -f "$zip" ] || { echo "cluster-bench.sh: missing $zip (run the OpenSearch tests once online)" >&2; exit 2; }
    mkdir -p "$out/opensearch" && unzip -q -o "$zip" -d "$out/opensearch"
    distribution="$out/opensearch/opensearch-3.8.0"
fi
plugin=$(ls "$root"/releng/eu.urbanagenda.kb.opensearch.plugin/target/urbanagenda-kb-analysis-*.zip | head -n 1)

mkdir -p "$out/cluster-classes"
"$JAVA_HOME/bin/javac" -encoding UTF-8 -d "$out/cluster-classes" -cp "$cp" \
    "$here/src/eu/urbanagenda/kb/bench/SearchBench.java" "$here/src/eu/urbanagenda/kb/bench/BenchOptions.java" \
    "$here/src/eu/urbanagenda/kb/bench/ClusterBench.java" \
    "$root/bundles/eu.urbanagenda.kb.index.opensearch.tests/src/eu/urbanagenda/kb/index/opensearch/tests/TestCluster.java"
cd "$here"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx"${BENCH_HEAP:-3g}" -Dfile.encoding=UTF-8 \
    -Dkb.opensearch.home="$distribution" -Dkb.opensearch.plugin="$plugin" \
    -Dkb.opensearch.startMinutes="${BENCH_START_MINUTES:-10}" \
    -cp "$out/cluster-classes:$cp" eu.urbanagenda.kb.bench.ClusterBench --corpus "$root/../shared/corpus" \
    --work "$out/bench" "$@"
