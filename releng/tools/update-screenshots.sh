#!/bin/sh
# Copies the screenshots of the last workbench test run into docs/screenshots (referenced by README.md).
#   ./mvnw -B -o verify -pl bundles/eu.urbanagenda.kb.ui.tests,bundles/eu.urbanagenda.kb.ui.nl.tests -am   (under xvfb-run)
#   releng/tools/update-screenshots.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
docs="$root/docs/screenshots"
mkdir -p "$docs"
copied=0
for dir in "$root/bundles/eu.urbanagenda.kb.ui.tests/target/screenshots" "$root/bundles/eu.urbanagenda.kb.ui.nl.tests/target/screenshots"; do
    [ -d "$dir" ] || { echo "update-screenshots: no $dir (run the workbench tests first)" >&2; continue; }
    for png in "$dir"/*.png; do
        [ -e "$png" ] || continue
        cp "$png" "$docs/"
        copied=$((copied + 1))
    done
done
echo "update-screenshots: $copied screenshots in $docs"
[ "$copied" -gt 0 ]
