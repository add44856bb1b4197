package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What attacking the product from the outside found, each as the user meets it through the real `kb`: interrupted first
 * use, output that could not be written, terminal escapes in names, a C locale, a read-only data directory, special
 * files.
 */
class HostileInputTest extends EveryMode {

    /** A data directory set up once (seeds indexed) for the read-only cases. */
    static Path data;

    @BeforeAll
    static void setUp() throws Exception {
        data = root.resolve("data");
        Cli.Result first = Cli.run(data, "search", "громада");
        assertEquals(0, first.exit(), first.toString());
    }

    @Test
    void aFirstUseInterruptedAfterTheIndexFolderWasMadeIsCompleted() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "a first use is that of a process of its own");
        Path fresh = work.resolve("interrupted");
        Files.createDirectories(fresh.resolve("index")); // what a run killed at that moment leaves
        Cli.Result result = Cli.run(fresh, "search", "громада");
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.out().contains("001_be425302bce8815f.txt"), "the seeds were indexed after all:\n" + result);
    }

    @Test
    void outputThatCannotBeWrittenIsAnErrorNotASuccess() throws Exception {
        ProcessBuilder search = Cli.command(data, "search", "громада");
        Cli.Result toFullDevice = runWithStdout(search, Path.of("/dev/full"));
        assertEquals(3, toFullDevice.exit(), toFullDevice.toString());
        assertTrue(toFullDevice.err().contains("could not be written"), toFullDevice.toString());

        Cli.Result export = Cli.run(data, "export", "--format", "csv", "--output", "/dev/full");
        assertEquals(3, export.exit(), export.toString());
        assertTrue(export.err().contains("/dev/full"), "names the file: " + export);
        assertTrue(Files.exists(Path.of("/dev/full")) && !Files.isRegularFile(Path.of("/dev/full")), "the device is still a device");
    }

    @Test
    void terminalEscapesInANameArePrintedEscaped() throws Exception {
        Path folder = Files.createDirectories(work.resolve("odd-names"));
        Path odd = folder.resolve("clear\u001b[2Jscreen.txt");
        Files.writeString(odd, "\u001b[2JЗаголовок\nГромада вибрала нову раду.", StandardCharsets.UTF_8);
        Cli.Result index = Cli.run(data, "index", odd.toString());
        assertEquals(0, index.exit(), index.toString());
        Cli.Result search = Cli.run(data, "search", "раду");
        assertEquals(0, search.exit(), search.toString());
        assertTrue(search.out().contains("clear\\x1B[2Jscreen.txt"), "the escape is shown, not sent:\n" + search);
        assertFalse(search.out().contains("\u001b[2J"), "no raw escape reaches the terminal:\n" + search);
        assertFalse(search.err().contains("\u001b[2J"), search.toString());
    }

    @Test
    void aFileNameWithALineBreakIsIndexedAndFoundAgainOnTheNextRun() throws Exception {
        Path dir = work.resolve("newline-data");
        Path folder = Files.createDirectories(work.resolve("newline-docs"));
        Path file = folder.resolve("new\nline.txt");
        Files.writeString(file, "Громада і новий рядок у назві файлу.", StandardCharsets.UTF_8);
        Cli.Result first = Cli.run(dir, "index", file.toString());
        assertEquals(0, first.exit(), first.toString());
        Cli.Result again = Cli.run(dir, "index");
        assertEquals(0, again.exit(), again.toString());
        assertFalse(again.out().contains("does not exist") || again.err().contains("does not exist"), again.toString());
        assertTrue(again.out().contains("0 removed"), again.toString());
    }

    @Test
    void aCLocaleStillMeansUtf8ArgumentsNamesAndOutput() throws Exception {
        Path dir = work.resolve("c-locale");
        Path folder = Files.createDirectories(work.resolve("кирилиця"));
        Files.writeString(folder.resolve("громада.txt"), "Територіальна громада ухвалила бюджет розвитку.", StandardCharsets.UTF_8);
        ProcessBuilder index = cLocale(Cli.command(dir, "index", folder.toString()));
        Cli.Result indexed = Cli.run(index);
        assertEquals(0, indexed.exit(), indexed.toString());
        Cli.Result cyrillic = Cli.run(cLocale(Cli.command(dir, "search", "бюджету")));
        assertEquals(0, cyrillic.exit(), cyrillic.toString());
        assertTrue(cyrillic.out().contains("кирилиця/громада.txt"), "the Cyrillic query and name survive LANG=C:\n" + cyrillic);
        Cli.Result latin = Cli.run(cLocale(Cli.command(dir, "search", "biudzhet")));
        assertEquals(0, latin.exit(), latin.toString());
        assertTrue(latin.out().contains("громада.txt"), latin.toString());
    }

    private static ProcessBuilder cLocale(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
        builder.environment().put("LANG", "C");
        return builder;
    }

    @Test
    void aReadOnlyDataDirectoryCanBeSearchedAndValidated() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "a service cannot listen in a read-only data directory");
        Path copy = work.resolve("read-only");
        copyTree(data, copy);
        List<Path> all = listTree(copy);
        boolean root = "root".equals(System.getProperty("user.name"));
        Path mounted = copy;
        if (root) {
            // root writes through permissions: a read-only bind mount, as a read-only share would be
            mounted = work.resolve("read-only-mount");
            Files.createDirectories(mounted);
            assumeTrue(exec("mount", "--bind", copy.toString(), mounted.toString()) == 0,
                    "root without the right to mount: no read-only file system to try");
            assertEquals(0, exec("mount", "-o", "remount,ro,bind", mounted.toString()));
        } else {
            for (Path p : all) {
                p.toFile().setWritable(false, false);
            }
        }
        try {
            Cli.Result search = Cli.run(mounted, "search", "громада");
            assertEquals(0, search.exit(), search.toString());
            assertTrue(search.out().contains("001_be425302bce8815f.txt"), search.toString());
            Cli.Result validate = Cli.run(mounted, "validate");
            assertTrue(validate.exit() == 0 || validate.exit() == 1, "validated, not refused: " + validate);
            Cli.Result partnerships = Cli.run(mounted, "partnerships");
            assertEquals(0, partnerships.exit(), partnerships.toString());
        } finally {
            if (root) {
                exec("umount", mounted.toString());
            } else {
                for (Path p : all) {
                    p.toFile().setWritable(true, true);
                }
            }
        }
    }

    @Test
    void specialFilesAreListedAsSkippedWithTheirReason() throws Exception {
        Path folder = Files.createDirectories(work.resolve("special"));
        Path fifo = folder.resolve("pipe.txt");
        assertEquals(0, exec("mkfifo", fifo.toString()));
        Path zero = folder.resolve("zero.txt");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        Path dangling = folder.resolve("dangling.txt");
        Files.createSymbolicLink(dangling, folder.resolve("nowhere.txt"));
        Path hidden = folder.resolve(".hidden.txt");
        Files.writeString(hidden, "Прихований файл про громаду.", StandardCharsets.UTF_8);
        Cli.Result result = Cli.run(work.resolve("special-data"), "index", fifo.toString(), zero.toString(), dangling.toString(),
                hidden.toString());
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.out().contains(fifo + ": "), "the named pipe is listed:\n" + result);
        assertTrue(result.out().contains(zero + ": "), "the link to a device is listed:\n" + result);
        assertTrue(result.out().contains(dangling + ": "), "the dangling link is listed:\n" + result);
        assertTrue(result.out().contains("1 added"), "the hidden file given by name is indexed:\n" + result);
    }

    @Test
    void aFullDiskIsAMessageNamingTheIndexAndWhatWasIndexedStaysSearchable() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "a service keeps the small disk's files open, so it could not be unmounted");
        assumeTrue("root".equals(System.getProperty("user.name")), "a small file system needs root to mount");
        Path small = Files.createDirectories(work.resolve("small-disk"));
        assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", small.toString()) == 0, "no right to mount");
        try {
            Path dir = small.resolve("kb");
            assertEquals(0, Cli.run(dir, "search", "громада").exit(), "set up on the small disk");
            Path filler = small.resolve("filler");
            try (var out = Files.newOutputStream(filler)) {
                byte[] block = new byte[64 * 1024];
                while (true) {
                    out.write(block); // until the disk is full
                }
            } catch (java.io.IOException full) {
                // the disk is full now
            }
            Cli.Result index = Cli.run(dir, "index", Path.of(System.getProperty("kb.shared"), "corpus", "uk").toString());
            assertEquals(3, index.exit(), index.toString());
            assertTrue(index.err().contains("cannot write the index " + dir.resolve("index")), "names the index: " + index);
            assertTrue(index.err().toLowerCase().contains("no space left on device"), "says why: " + index);
            assertFalse(index.err().contains("internal error") || index.err().contains("Exception"), index.toString());
            Files.delete(filler);
            Cli.Result search = Cli.run(dir, "search", "громада");
            assertEquals(0, search.exit(), search.toString());
            assertTrue(search.out().contains("001_be425302bce8815f.txt"), "the last commit is searchable:\n" + search);
        } finally {
            exec("umount", small.toString());
        }
    }

    @Test
    void aDataDirectoryWhereNothingCanBeWrittenIsNamedWithTheReason() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "no service can listen in a data directory where nothing can be written");
        Cli.Result result = Cli.run(Product.command(work.resolve("proc-home"), "--data", "/proc/self/fdinfo", "partnerships"));
        assertEquals(3, result.exit(), result.toString());
        assertTrue(result.err().contains("/proc/self/fdinfo/urban-agenda.xmi"), "names the file it could not set up: " + result);
        assertFalse(result.err().contains(".tmp"), "not a temporary file's name: " + result);
    }

    private static Cli.Result runWithStdout(ProcessBuilder builder, Path stdout) throws Exception {
        builder.environment().remove("DISPLAY");
        Path err = Files.createTempFile("kb-err", ".txt");
        builder.redirectOutput(stdout.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS));
        Cli.Result result = new Cli.Result(process.exitValue(), "", Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(err);
        return result;
    }

    private static int exec(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return process.exitValue();
    }

    private static List<Path> listTree(Path root) throws Exception {
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.forEach(all::add);
        }
        return all;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        for (Path source : listTree(from)) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else if (!source.getFileName().toString().equals("write.lock")) {
                Files.copy(source, target);
            }
        }
    }
}
