package eu.urbanagenda.kb.link.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The hand-labelled documents of labels/labelled-documents.tsv, resolved to files in place. */
record LabelledSet(List<Entry> entries) {

    record Entry(Path file, Set<String> partnerships, String reason) {
    }

    static Path checkout() {
        return Path.of(System.getProperty("kb.root", "../.."));
    }

    static Path shared() {
        return Path.of(System.getProperty("kb.shared", "../../../shared"));
    }

    static LabelledSet load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = LabelledSet.class.getResourceAsStream("/labels/labelled-documents.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                Path file = fields[0].startsWith("seeds/") ? checkout().resolve(fields[0]) : shared().resolve(fields[0]);
                if (!Files.isRegularFile(file)) {
                    throw new IOException("labelled document missing: " + file);
                }
                Set<String> ids = new LinkedHashSet<>();
                if (!fields[1].equals("-")) {
                    ids.addAll(List.of(fields[1].split(",")));
                }
                entries.add(new Entry(file.toAbsolutePath().normalize(), ids, fields[2]));
            }
        }
        return new LabelledSet(entries);
    }

    List<Path> files() {
        return entries.stream().map(Entry::file).toList();
    }
}
