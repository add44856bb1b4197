package eu.urbanagenda.kb.model.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The regeneration check: the committed generated code of both bundles (src-gen/, plugin.xml, plugin.properties,
 * the edit bundle's icons and the genmodel itself) is exactly what EMF's generator produces from the ecore and the
 * genmodel. Hand changes survive only in methods marked {@code @generated NOT}.
 * <p>
 * With {@code -Dkb.regenerate=true} (the regeneration command in the model bundle's README) the test writes the
 * generator's output into the bundles instead of failing.
 */
class GeneratedCodeTest {

    /** Paths (relative to a bundle) that belong to the generator; everything else in the bundles is ours. */
    private static final List<String> MODEL_MANAGED = List.of("src-gen", "plugin.xml", "plugin.properties", EmfCodeGeneration.GENMODEL);
    private static final List<String> EDIT_MANAGED = List.of("src-gen", "plugin.xml", "plugin.properties", "icons");
    /** Folders whose file set is the generator's: a committed file it no longer produces is stale. */
    private static final List<String> GENERATED_FOLDERS = List.of("src-gen", "icons");

    @Test
    void committedCodeIsWhatTheGeneratorProduces() throws Exception {
        Path root = Path.of(System.getProperty("kb.root"));
        Path work = Path.of(System.getProperty("kb.target"), "regeneration");
        deleteTree(work);
        Path modelBundle = root.resolve("bundles").resolve(EmfCodeGeneration.MODEL_PROJECT);
        Path editBundle = root.resolve("bundles").resolve(EmfCodeGeneration.EDIT_PROJECT);

        // 1. Merge into a copy of the committed bundles: the contents the generator gives each file.
        Path mergedModel = copyBundle(modelBundle, work.resolve("merged").resolve(EmfCodeGeneration.MODEL_PROJECT));
        Path mergedEdit = copyBundle(editBundle, work.resolve("merged").resolve(EmfCodeGeneration.EDIT_PROJECT));
        List<String> warnings = new ArrayList<>(EmfCodeGeneration.generate(mergedModel, mergedEdit));

        // 2. Generate from nothing but the model folder: the set of files the generator makes today.
        Path freshModel = work.resolve("fresh").resolve(EmfCodeGeneration.MODEL_PROJECT);
        Path freshEdit = work.resolve("fresh").resolve(EmfCodeGeneration.EDIT_PROJECT);
        copyTree(modelBundle.resolve("model"), freshModel.resolve("model"));
        Files.createDirectories(freshEdit);
        warnings.addAll(EmfCodeGeneration.generate(freshModel, freshEdit));
        assertTrue(warnings.isEmpty(), () -> "the generator warned:\n" + String.join("\n", warnings));

        List<String> differences = new ArrayList<>();
        differences.addAll(compare(modelBundle, mergedModel, freshModel, MODEL_MANAGED));
        differences.addAll(compare(editBundle, mergedEdit, freshEdit, EDIT_MANAGED));

        if (Boolean.getBoolean("kb.regenerate")) {
            apply(modelBundle, mergedModel, freshModel, MODEL_MANAGED);
            apply(editBundle, mergedEdit, freshEdit, EDIT_MANAGED);
            System.out.println("Regenerated " + differences.size() + " file(s):\n  " + String.join("\n  ", differences));
            return;
        }
        if (!differences.isEmpty()) {
            fail("The committed generated code differs from what EMF's generator produces ("
                + differences.size() + " file(s)). Regenerate with\n  ./mvnw -B -o verify -pl bundles/eu.urbanagenda.kb.model.tests -am -Dkb.regenerate=true\n"
                + "and commit the result; mark hand-changed generated methods @generated NOT.\n  "
                + String.join("\n  ", differences));
        }
    }

    private static List<String> compare(Path committed, Path merged, Path fresh, List<String> managed) throws IOException {
        List<String> differences = new ArrayList<>();
        String bundle = committed.getFileName().toString();
        for (String path : expectedFiles(merged, fresh, managed)) {
            Path mine = committed.resolve(path);
            if (!Files.exists(mine)) {
                differences.add(bundle + "/" + path + ": missing (the generator produces it)");
            } else if (!Arrays.equals(Files.readAllBytes(mine), Files.readAllBytes(merged.resolve(path)))) {
                differences.add(bundle + "/" + path + ": differs from the generator's output");
            }
        }
        for (String folder : GENERATED_FOLDERS) {
            if (managed.contains(folder)) {
                for (String path : files(committed, folder)) {
                    if (!Files.exists(fresh.resolve(path))) {
                        differences.add(bundle + "/" + path + ": stale (the generator no longer produces it)");
                    }
                }
            }
        }
        return differences;
    }

    private static void apply(Path committed, Path merged, Path fresh, List<String> managed) throws IOException {
        for (String path : expectedFiles(merged, fresh, managed)) {
            Path target = committed.resolve(path);
            Files.createDirectories(target.getParent());
            Files.copy(merged.resolve(path), target, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String folder : GENERATED_FOLDERS) {
            if (managed.contains(folder)) {
                for (String path : files(committed, folder)) {
                    if (!Files.exists(fresh.resolve(path))) {
                        Files.delete(committed.resolve(path));
                    }
                }
            }
        }
    }

    /** Managed files: those the fresh generation made in generated folders, and the single managed files. */
    private static Set<String> expectedFiles(Path merged, Path fresh, List<String> managed) throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String path : managed) {
            if (GENERATED_FOLDERS.contains(path)) {
                expected.addAll(files(fresh, path));
            } else if (Files.exists(merged.resolve(path))) {
                expected.add(path);
            }
        }
        return expected;
    }

    private static Set<String> files(Path base, String folder) throws IOException {
        Set<String> result = new TreeSet<>();
        Path start = base.resolve(folder);
        if (!Files.isDirectory(start)) {
            return result;
        }
        try (Stream<Path> paths = Files.walk(start)) {
            paths.filter(Files::isRegularFile).forEach(p -> result.add(base.relativize(p).toString().replace('\\', '/')));
        }
        return result;
    }

    private static Path copyBundle(Path bundle, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> children = Files.list(bundle)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (!name.equals("target") && !name.equals("bin")) {
                    copyTree(child, target.resolve(name));
                }
            }
        }
        return target;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }
}
