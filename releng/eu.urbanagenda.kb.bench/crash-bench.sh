#!/bin/sh
# kill -9 of the real `kb` at random moments of first use and of indexing (../shared/corpus/bg), TRIALS times each:
# after each kill the index must pass Lucene's CheckIndex and the next run must complete it, with the same files as a
# run never killed. It is the product test CrashTest with more trials, on the product built from this checkout (the
# reactor is built offline up to the product tests; no other test runs). Not part of the build.
#
#   releng/eu.urbanagenda.kb.bench/crash-bench.sh [TRIALS]     (default 30)
#
# Counts are printed from releng/eu.urbanagenda.kb.product.tests/target/crash-trials.txt.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
trials=${1:-30}
cd "$root"
rm -f releng/eu.urbanagenda.kb.product.tests/target/crash-trials.txt
./mvnw -B -q -o verify -am -pl releng/eu.urbanagenda.kb.product.tests -Dtest=CrashTest -Dsurefire.failIfNoSpecifiedTests=false \
    -DfailIfNoTests=false ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} \
    -Dkb.crash.trials="$trials" -Dkb.crash.seed="$(date +%s)"
cat releng/eu.urbanagenda.kb.product.tests/target/crash-trials.txt
