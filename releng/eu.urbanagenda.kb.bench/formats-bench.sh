#!/bin/sh
# Benchmark of document formats on ../shared/formats (F1 per format, OCR recall and time, grouping of copies,
# known-item search). Runs FormatsBench outside OSGi on the jars of the materialized product (build it first:
# ./mvnw -B verify), with the real Tesseract. Peak RSS: run it under /usr/bin/time -v.
#
#   releng/eu.urbanagenda.kb.bench/formats-bench.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/features/eu.urbanagenda.kb.product.feature/rootfiles/lib/find-java.sh"
kb_find_java jdk || exit 3
product="$root/releng/eu.urbanagenda.kb.repository/target/products/eu.urbanagenda.kb/linux/gtk/x86_64/urbanagenda-kb"
cp=$(ls "$product"/plugins/*.jar | grep -v -e swt -e jface -e 'org.eclipse.ui' -e 'e4.ui' -e urbanagenda.kb.ui | tr '\n' ':')
out="$here/target/formats-bench"
mkdir -p "$out/classes"
"$KB_JAVA_HOME/bin/javac" -encoding UTF-8 -d "$out/classes" -cp "$cp" "$here/src/eu/urbanagenda/kb/bench/FormatsBench.java"
exec "$KB_JAVA_HOME/bin/java" -Xmx2g -Dfile.encoding=UTF-8 -Djava.awt.headless=true -cp "$out/classes:$cp" \
    eu.urbanagenda.kb.bench.FormatsBench "$root/../shared/formats" "$out"
