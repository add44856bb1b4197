#!/bin/sh
# The standing attack on the query parser and search: fuzzed hostile queries (HostileQueries, fixed seed) against an
# index of ../shared/corpus, each timed, with the memory it allocated; prints the counts of outcomes, p50/p99/max
# time, the most memory one query allocated, the peak heap, and the messages given. Not part of the build.
#
#   releng/eu.urbanagenda.kb.bench/attack.sh [--queries 2500] [--seed N] [--corpus DIR] [--work DIR]
#
# Environment as for bench.sh; BENCH_HEAP defaults to 1g here (the attack must fit in it).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/build.sh"
cd "$here"
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx"${BENCH_HEAP:-1g}" -Xss1m -Dfile.encoding=UTF-8 \
    -cp "$out/classes:$cp" eu.urbanagenda.kb.bench.AttackBench --corpus "$root/../shared/corpus" \
    --work "$out/attack" "$@"
