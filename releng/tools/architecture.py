#!/usr/bin/env python3
"""Draws docs/architecture.png: the product's bundles in their layers, what each requires of the others (from the
manifests, so the picture stays true), and the OSGi services and events between them.

    python3 releng/tools/architecture.py      # needs Graphviz (Debian: graphviz)
"""
import glob, os, re, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OURS = "eu.urbanagenda.kb."

LAYERS = [
    ("model", ["model", "model.edit"]),
    ("headless core", ["analysis", "ingest", "index", "index.opensearch", "core", "link", "compare", "git", "viewmodel"]),
    ("applications", ["cli", "ui", "ui.search"]),
]
# The services and events that join the layers at run time (not visible in the manifests' requirements).
SERVICES = [
    ("core", "cli", "KbSessionService\n(Declarative Services)"),
    ("core", "ui", "KbSessionService\n(@Inject @Service)"),
    ("core", "ui", "KbEvents via Event Admin\n(@UIEventTopic)"),
]

def manifest(bundle):
    text = open(os.path.join(ROOT, "bundles", OURS + bundle, "META-INF", "MANIFEST.MF")).read()
    return re.sub(r"\n ", "", text)

def packages_of(bundle):
    m = re.search(r"^Export-Package: (.*)$", manifest(bundle), re.M)
    return [e.split(";")[0].strip() for e in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', m.group(1))] if m else []

def main():
    present = {os.path.basename(d)[len(OURS):] for d in glob.glob(os.path.join(ROOT, "bundles", OURS + "*"))
               if not d.endswith(".tests") and not d.endswith(".testing") and os.path.isfile(os.path.join(d, "META-INF/MANIFEST.MF"))}
    exporter = {p: b for b in present for p in packages_of(b)}
    edges = set()
    for b in present:
        text = manifest(b)
        for header in ("Require-Bundle", "Import-Package"):
            m = re.search(r"^" + header + r": (.*)$", text, re.M)
            if not m:
                continue
            for entry in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', m.group(1)):
                name = entry.split(";")[0].strip()
                target = name[len(OURS):] if header == "Require-Bundle" and name.startswith(OURS) else exporter.get(name)
                if target and target in present and target != b:
                    edges.add((b, target))
    # only what is not implied by a longer path: the picture shows the layering, not every import
    def reaches(a, b, skip):
        seen, todo = set(), [x for (y, x) in edges if y == a and (y, x) != skip]
        while todo:
            n = todo.pop()
            if n == b:
                return True
            if n not in seen:
                seen.add(n)
                todo.extend(x for (y, x) in edges if y == n)
        return False
    edges = {e for e in edges if not reaches(e[0], e[1], e)}
    out = ["digraph bundles {", '  rankdir=BT; nodesep=0.35; ranksep=0.55; fontname="DejaVu Sans";',
           '  node [shape=box, style="rounded,filled", fillcolor="#eef3fb", fontname="DejaVu Sans", fontsize=11];',
           '  edge [color="#7a8699", arrowsize=0.7];']
    for i, (layer, bundles) in enumerate(LAYERS):
        out.append('  subgraph cluster_%d { label="%s"; fontsize=12; color="#c5cfdc"; style=rounded;' % (i, layer))
        for b in bundles:
            if b in present:
                out.append('    "%s";' % b)
        out.append("  }")
    for a, b in sorted(edges):
        out.append('  "%s" -> "%s";' % (a, b))
    for provider, consumer, label in SERVICES:
        if provider in present and consumer in present:
            out.append('  "%s" -> "%s" [style=dashed, color="#c0392b", fontcolor="#c0392b", fontsize=9, label="%s", constraint=false];'
                       % (provider, consumer, label.replace("\n", "\\n")))
    out.append("}")
    dot = os.path.join(ROOT, "docs", "architecture.dot")
    open(dot, "w").write("\n".join(out) + "\n")
    subprocess.run(["dot", "-Tpng", "-Gdpi=110", dot, "-o", os.path.join(ROOT, "docs", "architecture.png")], check=True)

main()
