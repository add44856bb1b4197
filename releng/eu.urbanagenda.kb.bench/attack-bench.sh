#!/bin/sh
# Robustness bench of knowledge-base files: the attack suite's mutations (about 256 × SCALE + 70) and kill -9 during saves (TRIALS kills), on the model bundle of this
# checkout and of a reference revision (default: main), in the same run, by the same rules (the classes AttackRun,
# Verdict and KillTrials of eu.urbanagenda.kb.model.tests); and warm load and save times of both, in turns.
# Not part of the build.
#
#   releng/eu.urbanagenda.kb.bench/attack-bench.sh [--scale 10] [--trials 40] [--reference main]
#
# It compiles the model bundle (src, src-gen, base/) of both revisions and the bench against the EMF jars of the
# local Maven repository, with javac only, and runs each outside OSGi. Results are printed and written to
# releng/eu.urbanagenda.kb.bench/target/attack/results.md.
# Environment: JAVA_HOME (a JDK 21+; else found as ./mvnw finds it), MAVEN_REPO (default ~/.m2/repository).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
scale=10
trials=40
reference=main
while [ $# -gt 0 ]; do
    case $1 in
        --scale) scale=$2; shift 2 ;;
        --trials) trials=$2; shift 2 ;;
        --reference) reference=$2; shift 2 ;;
        *) echo "attack-bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
. "$root/features/eu.urbanagenda.kb.product.feature/rootfiles/lib/find-java.sh"
kb_find_java jdk || exit 3
java=$KB_JAVA_HOME/bin/java
javac=$KB_JAVA_HOME/bin/javac

# Versions as in target-platform/urbanagenda-kb.target and the product (update with them).
emf=
for l in org/eclipse/emf/org.eclipse.emf.common/2.46.0/org.eclipse.emf.common-2.46.0.jar \
         org/eclipse/emf/org.eclipse.emf.ecore/2.43.0/org.eclipse.emf.ecore-2.43.0.jar \
         org/eclipse/emf/org.eclipse.emf.ecore.xmi/2.41.0/org.eclipse.emf.ecore.xmi-2.41.0.jar; do
    if [ ! -f "$repo/$l" ]; then
        echo "attack-bench.sh: missing $repo/$l (build the project once, or fix the version here)" >&2
        exit 2
    fi
    emf="$emf${emf:+:}$repo/$l"
done

out="$here/target/attack"
rm -rf "$out"
mkdir -p "$out"

# model <name> <source folder of the bundle>: compiles it to $out/<name>/classes with its knowledge base
model() {
    mkdir -p "$out/$1/classes"
    "$javac" -nowarn -encoding UTF-8 -d "$out/$1/classes" -cp "$emf" $(find "$2/src" "$2/src-gen" -name '*.java')
    cp -r "$2/base" "$out/$1/classes/"
}
model current "$root/bundles/eu.urbanagenda.kb.model"
mkdir -p "$out/reference-source"
git -C "$root" archive "$reference" bundles/eu.urbanagenda.kb.model | tar -x -C "$out/reference-source"
model reference "$out/reference-source/bundles/eu.urbanagenda.kb.model"

# the bench and the shared test classes, against the current model (they use only what both versions have)
tests="$root/bundles/eu.urbanagenda.kb.model.tests/src/eu/urbanagenda/kb/model/tests"
mkdir -p "$out/bench"
"$javac" -nowarn -encoding UTF-8 -d "$out/bench" -cp "$emf:$out/current/classes" \
    "$here/attack/eu/urbanagenda/kb/bench/AttackBench.java" "$here/attack/eu/urbanagenda/kb/bench/LoadSaveTimes.java" "$tests/attack/AttackRun.java" "$tests/attack/Verdict.java" \
    "$tests/attack/Mutations.java" "$tests/persistence/KillTrials.java" "$tests/persistence/SaveLoop.java" \
    "$tests/LoopbackServer.java" "$tests/Fifo.java" "$tests/TestFiles.java"

label="this checkout ($(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- bundles || echo ' with uncommitted changes'))"
backups='urban-agenda\.xmi\.backups/(\.lock|\d{6}-\d{8}T\d{6}Z\.xmi)'
"$java" -Xmx2g -cp "$out/bench:$out/current/classes:$emf" eu.urbanagenda.kb.bench.AttackBench --label "$label" \
    --work "$out/current/work" --scale "$scale" --trials "$trials" --allowed "$backups"
"$java" -Xmx2g -cp "$out/bench:$out/reference/classes:$emf" eu.urbanagenda.kb.bench.AttackBench --label "reference: $reference ($(git -C "$root" rev-parse --short "$reference"))" \
    --work "$out/reference/work" --scale "$scale" --trials "$trials" --allowed 'urban-agenda\.xmi\.bak' --allowed "$backups"
# times in turns, three rounds, so that a busy machine weighs on both alike
{
    echo "### Warm load and save of the bundled knowledge base (ms; three rounds in turns)"
    echo
    echo "| build | load p10 | load median | save p10 | save median |"
    echo "|---|---|---|---|---|"
    for round in 1 2 3; do
        "$java" -cp "$out/bench:$out/current/classes:$emf" eu.urbanagenda.kb.bench.LoadSaveTimes "this checkout" "$out/current/work/times"
        "$java" -cp "$out/bench:$out/reference/classes:$emf" eu.urbanagenda.kb.bench.LoadSaveTimes "$reference" "$out/reference/work/times"
    done
    echo
} > "$out/times.md"
cat "$out/times.md"
cat "$out/times.md" "$out/current/work/results.md" "$out/reference/work/results.md" > "$out/results.md"
echo "attack-bench.sh: written to $out/results.md"
