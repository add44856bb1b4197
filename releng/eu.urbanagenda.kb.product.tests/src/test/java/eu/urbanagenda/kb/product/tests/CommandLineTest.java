package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The headless command line end to end: the product's start script with a temporary --data, on the seeds
 * and on part of ../shared/corpus (read in place); every scenario twice: standalone, and handed to a `kb serve` of its
 * data directory, which must give the same results (ServiceTest compares the two byte for byte).
 */
class CommandLineTest extends EveryMode {

    /** Set up on first use (the seeds), then part of the corpus indexed into it. */
    static Path shared;
    static List<String> corpusPart;

    @BeforeAll
    static void indexSeedsAndPartOfTheCorpus() throws Exception {
        shared = root.resolve("shared-data");
        Path corpus = Path.of(System.getProperty("kb.shared")).resolve("corpus");
        try (Stream<Path> bg = Files.list(corpus.resolve("bg")); Stream<Path> uk = Files.list(corpus.resolve("uk"))) {
            corpusPart = Stream.concat(bg.filter(f -> f.getFileName().toString().startsWith("bg_egov_")),
                    uk.filter(f -> f.getFileName().toString().startsWith("uk_bsnlp_covid-19"))).sorted().map(Path::toString).toList();
        }
        List<String> args = new ArrayList<>(List.of("index"));
        args.addAll(corpusPart);
        Cli.Result result = Cli.run(shared, args.toArray(String[]::new));
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.err().contains("Indexed the bundled seed documents: 5 added"), "first use indexed the seeds:\n" + result);
        assertTrue(result.out().contains(corpusPart.size() + " added"), result.toString());
    }

    @Test
    void searchWorksOnAFreshInstallWithNoSetUp() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "a first use is that of a process of its own");
        Path home = work.resolve("fresh-home");
        Cli.Result result = Cli.runRaw(home, "search", "громада");
        assertEquals(0, result.exit(), result.toString());
        assertTrue(Files.isRegularFile(home.resolve("urbanagenda-kb/urban-agenda.xmi")), "the default data directory was set up");
        assertTrue(result.out().matches("(?s)\\d+ documents? match «громада».*"), result.toString());
        assertTrue(result.out().contains("001_be425302bce8815f.txt"), "a seed about communities is found:\n" + result);
        assertTrue(result.err().contains("Created the knowledge base"), result.toString());
    }

    /**
     * The command line runs on its own OSGi configuration, in which no workbench bundle is even installed; a command that
     * reads no documents does not start SPI Fly either (whose start reads every bundle's headers).
     */
    @Test
    void theCommandLineInstallsNoWorkbenchBundle() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "the command line's own OSGi configuration");
        Path home = work.resolve("lean-home");
        Cli.Result result = Cli.runRaw(home, "partnerships");
        assertEquals(0, result.exit(), result.toString());
        Path cache = home.resolve(".cache/urbanagenda-kb");
        Path bundlesInfo;
        try (Stream<Path> entries = Files.list(cache)) {
            bundlesInfo = entries.filter(p -> p.getFileName().toString().startsWith("cli-lean-configuration-")).findFirst()
                    .orElseThrow(() -> new AssertionError("a command-line configuration under " + cache))
                    .resolve("org.eclipse.equinox.simpleconfigurator/bundles.info");
        }
        List<String> lines = Files.readAllLines(bundlesInfo).stream().filter(l -> !l.startsWith("#")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("org.apache.aries.spifly.dynamic.bundle,") && l.endsWith(",false")),
                "SPI Fly is there (jsvg and slf4j-api require it) but not started: " + lines);
        List<String> bundles = lines.stream().map(l -> l.split(",")[0]).toList();
        assertTrue(bundles.containsAll(List.of("eu.urbanagenda.kb.cli", "eu.urbanagenda.kb.core", "eu.urbanagenda.kb.index",
                "org.eclipse.emf.ecore", "org.apache.felix.scr")), bundles.toString());
        List<String> ui = bundles.stream().filter(b -> b.startsWith("org.eclipse.swt") || b.startsWith("org.eclipse.jface")
                || b.startsWith("org.eclipse.ui") || b.startsWith("org.eclipse.e4") || b.startsWith("eu.urbanagenda.kb.ui")
                || b.equals("eu.urbanagenda.kb.viewmodel") || b.equals("com.ibm.icu")).toList();
        assertEquals(List.of(), ui, "workbench bundles in the command line's configuration");
        assertTrue(Files.list(cache).anyMatch(p -> p.getFileName().toString().endsWith(".jsa")), "the class-data archive was made");
    }

    /**
     * The class-data archive in the user's cache is only an optimisation: an archive that is damaged (here: empty, as
     * after a full disk) or out of date is made again, and Java's messages about it never reach the user.
     */
    @Test
    void aDamagedOrOutdatedClassDataArchiveIsMadeAgainQuietly() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "the class-data archive of the command line's JVM");
        Path home = work.resolve("archive-home");
        assertEquals(0, Cli.runRaw(home, "partnerships").exit());
        Path archive;
        try (Stream<Path> entries = Files.list(home.resolve(".cache/urbanagenda-kb"))) {
            archive = entries.filter(p -> p.getFileName().toString().startsWith("cli-") && p.toString().endsWith(".jsa"))
                    .findFirst().orElseThrow(() -> new AssertionError("the first run made a class-data archive"));
        }
        Files.write(archive, new byte[0]);
        Cli.Result damaged = Cli.runRaw(home, "partnerships");
        assertEquals(0, damaged.exit(), damaged.toString());
        assertEquals("", damaged.err(), "nothing about the archive on stderr");
        assertTrue(Files.size(archive) > 1 << 20, "a new archive was made: " + Files.size(archive) + " bytes");

        // out of date, as after the product is rebuilt: a copy of the product whose launcher jar then changes
        // (on a copy, so that the product under test stays as built)
        Path copy = work.resolve("product-copy");
        Process cp = new ProcessBuilder("cp", "-a", Product.dir().toString(), copy.toString()).inheritIO().start();
        assertEquals(0, cp.waitFor());
        Set<Path> before = archives(home);
        assertEquals(0, runCopy(copy, home, "", "partnerships").exit());
        Set<Path> made = archives(home);
        made.removeAll(before);
        assertEquals(1, made.size(), "the copy made its own archive: " + made);
        Path copyArchive = made.iterator().next();
        try (Stream<Path> plugins = Files.list(copy.resolve("plugins"))) {
            Path launcher = plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_"))
                    .findFirst().orElseThrow();
            Files.setLastModifiedTime(launcher, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        Cli.Result stale = runCopy(copy, home, "", "--json", "partnerships");
        assertEquals(0, stale.exit(), stale.toString());
        assertEquals("", stale.err(), "nothing about the archive on stderr");
        assertEquals(21, stale.jsonLines().size(), stale.toString());
        assertFalse(archives(home).contains(copyArchive), "the outdated archive is gone");
        assertTrue(archives(home).containsAll(before), "the archive of the other product stays");
        // and the next start of the copy loads its launcher from the new archive
        Path classLog = work.resolve("copy-class-load.txt");
        assertEquals(0, runCopy(copy, home, "-Xlog:class+load=info:file=" + classLog, "partnerships").exit());
        assertTrue(Files.readAllLines(classLog).stream().anyMatch(l -> l.contains("org.eclipse.equinox.launcher.Main ")
                && l.contains("shared objects file (top)")), "the launcher's classes come from the new archive");
    }

    private static Set<Path> archives(Path home) throws IOException {
        try (Stream<Path> entries = Files.list(home.resolve(".cache/urbanagenda-kb"))) {
            return entries.filter(p -> p.toString().endsWith(".jsa")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Cli.Result runCopy(Path copy, Path home, String vmArgs, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = Product.command(home, args);
        builder.environment().put("KB_VMARGS", vmArgs);
        builder.command().set(0, copy.resolve("kb").toString());
        return Cli.run(builder);
    }

    /**
     * The product resolves and runs the OpenSearch client (the session opens the backend the URL names): a node that
     * does not answer is one line naming it, without the password, and exit status 3.
     */
    @Test
    void aClusterThatDoesNotAnswerIsOneLineWithExitStatus3() throws Exception {
        assumeTrue(mode == Cli.Mode.STANDALONE, "a command with its own search engine always runs on its own");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing answers there
        }
        Cli.Result result = Cli.run(shared, "--backend", "http://analyst:s3cret@127.0.0.1:" + port + "/kb", "search",
                "громада");
        assertEquals(3, result.exit(), result.toString());
        assertTrue(result.err().contains("kb search: Cannot reach OpenSearch at http://127.0.0.1:" + port
                + ": connection refused"), result.toString());
        assertFalse(result.err().contains("s3cret") || result.err().contains("Exception"), result.toString());
        assertEquals("", result.out(), result.toString());
    }

    @Test
    void searchFindsInflectedAndTransliteratedFormsWithJsonHits() throws Exception {
        Cli.Result result = Cli.run(shared, "--json", "search", "--lang", "uk", "громадами");
        assertEquals(0, result.exit(), result.toString());
        List<JsonObject> hits = result.jsonLines();
        assertFalse(hits.isEmpty(), result.toString());
        for (JsonObject hit : hits) {
            for (String member : List.of("path", "title", "lang", "score", "date", "snippet", "partnerships")) {
                assertTrue(hit.has(member), member + " in " + hit);
            }
            assertEquals("uk", hit.get("lang").getAsString());
        }
        JsonObject seed = hits.stream().filter(h -> h.get("path").getAsString().endsWith("001_be425302bce8815f.txt")).findFirst()
                .orElseThrow(() -> new AssertionError("seed 001 among " + hits));
        assertTrue(seed.get("snippet").getAsString().contains("<b>"), "matched words are marked: " + seed);
        assertTrue(seed.getAsJsonArray("partnerships").toString().contains("digital-transition"), seed.toString());
        assertTrue(result.err().matches("(?s)\\d+ documents match.*"), "the count goes to stderr with --json: " + result.err());

        Cli.Result translit = Cli.run(shared, "search", "--lang", "bg", "elektronno", "upravlenie");
        assertEquals(0, translit.exit(), translit.toString());
        assertTrue(translit.out().contains("bg_egov_"), "Latin transliteration finds the Bulgarian e-government texts:\n" + translit);
    }

    @Test
    void searchFiltersByPartnershipAndSortsByDate() throws Exception {
        Cli.Result result = Cli.run(shared, "--json", "search", "--partnership", "digital-transition", "--sort", "date", "--limit", "50", "громад*");
        assertEquals(0, result.exit(), result.toString());
        List<JsonObject> hits = result.jsonLines();
        assertFalse(hits.isEmpty());
        List<String> dates = new ArrayList<>();
        for (JsonObject hit : hits) {
            assertTrue(hit.getAsJsonArray("partnerships").toString().contains("digital-transition"), hit.toString());
            if (!hit.get("date").isJsonNull()) {
                dates.add(hit.get("date").getAsString());
            }
        }
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, dates, "newest first");
        Cli.Result none = Cli.run(shared, "search", "--partnership", "digital-transition", "коронавірус");
        assertEquals(0, none.exit(), "no hits is a success");
        assertTrue(none.out().startsWith("No documents match"), none.toString());
    }

    @Test
    void aLongPastedQueryIsCutInTheHeadline() throws Exception {
        String query = "громада" + " цифрова".repeat(60);
        Cli.Result result = Cli.run(shared, "search", "--limit", "1", query);
        assertEquals(0, result.exit(), result.toString());
        String headline = result.out().lines().findFirst().orElseThrow();
        assertTrue(headline.matches("\\d+ documents? match «громада цифрова .*…» \\(\\d+ ms\\).*"), headline);
        assertTrue(headline.length() < 200, headline);
    }

    @Test
    void badQueryIsAUsageErrorWithThePosition() throws Exception {
        Cli.Result result = Cli.run(shared, "search", "title:(громада");
        assertEquals(2, result.exit(), result.toString());
        assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
        assertTrue(result.err().matches("(?s).*(position|column|character) \\d+.*"), result.err());
        assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    @Test
    void costlyOrDeeplyNestedQueriesAreUsageErrorsAndAPastedParagraphIsSearched() throws Exception {
        for (String query : List.of("/a{1000000}/", "(".repeat(10_000) + "громада", "/")) {
            Cli.Result result = Cli.run(shared, "search", query);
            assertEquals(2, result.exit(), result.toString());
            assertEquals(1, result.err().strip().lines().count(), "one line: " + result.err());
            assertFalse(result.err().contains("internal error") || result.err().contains("Exception")
                    || result.err().contains("Error"), result.err());
        }
        assertTrue(Cli.run(shared, "search", "/a{1000000}/").err().contains("too costly"));
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            paragraph.append(i % 3 == 0 ? "громада" : "слово" + i).append(i % 10 == 9 ? ". " : " ");
        }
        Cli.Result pasted = Cli.run(shared, "search", paragraph.toString());
        assertEquals(0, pasted.exit(), pasted.toString());
    }

    @Test
    void unknownOptionsAndCommandsAreUsageErrors() throws Exception {
        Cli.Result option = Cli.run(shared, "search", "--colour", "red", "x");
        assertEquals(2, option.exit(), option.toString());
        assertTrue(option.err().contains("unknown option '--colour'"), option.err());
        Cli.Result command = Cli.run(shared, "serch", "x");
        assertEquals(2, command.exit(), command.toString());
        Cli.Result unknownPartnership = Cli.run(shared, "show", "no-such-partnership");
        assertEquals(2, unknownPartnership.exit(), unknownPartnership.toString());
        Cli.Result help = Cli.run(shared, "--help");
        assertEquals(0, help.exit());
        for (String name : List.of("index", "search", "partnerships", "show", "validate", "restore", "export", "link")) {
            assertTrue(help.out().contains("  " + name + " "), name + " in\n" + help.out());
        }
        Cli.Result searchHelp = Cli.run(shared, "search", "--help");
        assertEquals(0, searchHelp.exit());
        assertTrue(searchHelp.out().contains("--partnership ID"), searchHelp.out());
        Cli.Result version = Cli.run(shared, "--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("kb (Urban Agenda Knowledge Base) 0.1.0"), version.out());
    }

    @Test
    void reindexingIsIncremental() throws Exception {
        List<String> args = new ArrayList<>(List.of("--json", "index"));
        args.addAll(corpusPart);
        Cli.Result result = Cli.run(shared, args.toArray(String[]::new));
        assertEquals(0, result.exit(), result.toString());
        JsonObject summary = result.jsonLines().get(result.jsonLines().size() - 1);
        assertEquals("summary", summary.get("event").getAsString());
        assertEquals(0, summary.get("added").getAsInt(), summary.toString());
        assertEquals(0, summary.get("updated").getAsInt(), summary.toString());
        assertEquals(corpusPart.size(), summary.get("unchanged").getAsInt(), summary.toString());
    }

    @Test
    void indexSkipsBadFilesAndReportsUnreadablePaths() throws Exception {
        Path folder = work.resolve("bad-input");
        Files.createDirectories(folder);
        Files.write(folder.resolve("empty.txt"), new byte[0]);
        Files.write(folder.resolve("binary.txt"), new byte[] { 0, 1, 2, 3, (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 0 });
        Files.writeString(folder.resolve("good.html"), "<html lang=uk><title>Громада</title><body><p>Територіальна громада</p>",
                StandardCharsets.UTF_8);
        Path data = work.resolve("bad-input-data");
        Cli.Result result = Cli.run(data, "index", folder.toString());
        assertEquals(0, result.exit(), result.toString());
        assertTrue(result.out().contains("Skipped:"), result.toString());
        assertTrue(result.out().contains("empty.txt: "), result.toString());
        assertTrue(result.out().contains("binary.txt: "), result.toString());
        Cli.Result missing = Cli.run(data, "index", work.resolve("no-such-folder").toString());
        assertEquals(3, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("no-such-folder"), missing.err());
    }

    /**
     * Office documents and a scan inside the product's OSGi runtime (Tika's parsers, POI, Tesseract): a .docx, an .odt
     * and a JPEG scan of one document (../shared/formats, read in place) are indexed and found as one document with
     * its copies; a damaged .docx is skipped in one line, and nothing of the libraries' logging reaches stderr.
     */
    @Test
    void officeDocumentsAndScansAreIndexedAndFoundAsOneDocument() throws Exception {
        Path formats = Path.of(System.getProperty("kb.shared")).resolve("formats");
        String name = "bg_bsnlp_brexit_bg_file_1022";
        Path broken = work.resolve("office-input/broken.docx");
        Files.createDirectories(broken.getParent());
        byte[] docx = Files.readAllBytes(formats.resolve("docx/" + name + ".docx"));
        Files.write(broken, Arrays.copyOf(docx, docx.length / 3));
        Path data = work.resolve("office-data");
        Cli.Result index = Cli.run(data, "index", formats.resolve("docx/" + name + ".docx").toString(),
                formats.resolve("odt/" + name + ".odt").toString(), formats.resolve("scan-jpg/" + name + ".jpg").toString(),
                broken.getParent().toString());
        assertEquals(0, index.exit(), index.toString());
        assertTrue(index.out().contains("3 added"), index.toString());
        assertTrue(index.out().contains("broken.docx: damaged or unreadable DOCX document"), index.toString());
        List<String> other = Arrays.stream(index.err().split("\n"))
                .filter(l -> !l.isBlank() && !l.startsWith("Indexing") && !l.startsWith("kb: ")).toList();
        assertEquals(List.of(), other, "only progress and notices on stderr:\n" + index.err());

        Cli.Result found = Cli.run(data, "--json", "search", "Джонсън");
        assertEquals(0, found.exit(), found.toString());
        List<JsonObject> hits = found.jsonLines();
        assertEquals(1, hits.size(), found.toString());
        Set<String> formatsFound = new TreeSet<>();
        formatsFound.add(hits.get(0).get("format").getAsString());
        hits.get(0).getAsJsonArray("copies").forEach(c -> formatsFound.add(c.getAsJsonObject().get("format").getAsString()));
        assertEquals(Set.of("docx", "image", "odt"), formatsFound, found.toString());
        assertTrue(found.err().startsWith("1 documents match, 3 files"), found.err());

        Cli.Result scan = Cli.run(data, "--json", "search", "--format", "image", "Джонсън");
        JsonObject image = scan.jsonLines().get(0);
        assertTrue(image.get("path").getAsString().endsWith(name + ".jpg"), scan.toString());
        assertTrue(image.get("ocr_confidence").getAsDouble() > 50, scan.toString());
    }

    /** PDFs go through PDFBox inside the product's OSGi runtime (where SPI Fly weaves its logging). */
    @Test
    void pdfsAreIndexedAndFoundAndABrokenOneIsSkipped() throws Exception {
        Path folder = work.resolve("pdf-input");
        Files.createDirectories(folder);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf");
                    PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(PDType0Font.load(doc, ttf), 12);
                text.newLineAtOffset(50, 700);
                text.showText("План дій партнерства з цифрового переходу для громад Вінниччини");
                text.endText();
            }
            doc.save(folder.resolve("action-plan.pdf").toFile());
        }
        Files.writeString(folder.resolve("broken.pdf"), "%PDF-1.4\nnot really a PDF", StandardCharsets.US_ASCII);
        Path data = work.resolve("pdf-data");
        Cli.Result index = Cli.run(data, "--json", "index", folder.toString());
        assertEquals(0, index.exit(), index.toString());
        JsonObject summary = index.jsonLines().get(index.jsonLines().size() - 1);
        assertEquals(1, summary.get("added").getAsInt(), index.toString());
        assertTrue(index.out().contains("broken.pdf"), "the broken PDF is named among the skipped files:\n" + index);
        Cli.Result found = Cli.run(data, "--json", "search", "--format", "pdf", "громада");
        assertEquals(0, found.exit(), found.toString());
        List<JsonObject> hits = found.jsonLines();
        assertEquals(1, hits.size(), found.toString());
        assertTrue(hits.get(0).get("path").getAsString().endsWith("action-plan.pdf"), found.toString());
        assertTrue(hits.get(0).get("snippet").getAsString().contains("<b>громад</b>"), found.toString());
    }

    @Test
    void lockedIndexIsADataError() throws Exception {
        Path data = work.resolve("locked-data");
        assertEquals(0, Cli.run(data, "partnerships").exit());
        assertEquals(0, Cli.run(data, "search", "громада").exit(), "the index exists");
        Path lockFile = data.resolve("index/write.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            assertNotNull(lock, "this test holds the index's write lock, as another writer would");
            Cli.Result result = Cli.run(data, "index", Path.of(System.getProperty("kb.root"), "seeds").toString());
            assertEquals(3, result.exit(), result.toString());
            assertTrue(result.err().contains("locked"), result.err());
            Cli.Result search = Cli.run(data, "search", "громада");
            assertEquals(0, search.exit(), "readers work while a writer holds the lock:\n" + search);
        }
    }

    @Test
    void partnershipsAndShowBrowseTheKnowledgeBase() throws Exception {
        Cli.Result all = Cli.run(shared, "--json", "partnerships");
        assertEquals(0, all.exit(), all.toString());
        assertEquals(21, all.jsonLines().size());
        Cli.Result active = Cli.run(shared, "--json", "partnerships", "--status", "active");
        assertTrue(active.jsonLines().stream().allMatch(p -> p.get("status").getAsString().equals("active")));
        assertTrue(active.jsonLines().size() >= 5, active.toString());
        Cli.Result bulgarian = Cli.run(shared, "partnerships", "--country", "BG");
        assertTrue(bulgarian.out().contains("digital-transition"), bulgarian.toString());
        assertTrue(bulgarian.out().contains("1 of 21 partnerships"), bulgarian.toString());

        Cli.Result show = Cli.run(shared, "show", "digital-transition");
        assertEquals(0, show.exit(), show.toString());
        for (String expected : List.of("Digital Transition", "bg: Дигитален преход", "uk: Цифровий перехід  [tr]", "Sofia (BG",
                "Estonia (EE", "Oulu (FI", "Linked sources", "confirmed")) {
            assertTrue(show.out().contains(expected), expected + " in\n" + show.out());
        }
        JsonObject json = Cli.run(shared, "--json", "show", "housing").jsonLines().get(0);
        Set<String> coordinators = new TreeSet<>();
        json.getAsJsonArray("coordinators").forEach(c -> coordinators.add(c.getAsJsonObject().get("country").getAsString()));
        assertEquals(Set.of("AT", "SK"), coordinators, "Housing: Slovakia and Vienna, as the reference says (not only the seed)");
    }

    @Test
    void validateReportsBrokenModelsWithExitStatusOneAndDamagedFilesWithThree() throws Exception {
        Cli.Result valid = Cli.run(shared, "validate");
        assertEquals(0, valid.exit(), valid.toString());
        assertTrue(valid.out().contains(": 0 errors"), valid.toString());

        Path file = work.resolve("broken.xmi");
        String bundled = Files.readString(shared.resolve("urban-agenda.xmi"), StandardCharsets.UTF_8);
        String broken = bundled.replace("<participations actor=\"city-oulu\" role=\"coordinator\"/>", "")
                .replaceFirst("country=\"FI\"", "country=\"XX\"");
        Files.writeString(file, broken, StandardCharsets.UTF_8);
        Cli.Result result = Cli.run(shared, "validate", file.toString());
        assertEquals(1, result.exit(), "rules broken, the file loads cleanly: " + result);
        assertTrue(result.out().contains("'XX'") || result.out().contains("XX"), "the bad country code:\n" + result.out());
        Cli.Result json = Cli.run(shared, "--json", "validate", file.toString());
        assertEquals(1, json.exit());
        assertTrue(json.jsonLines().stream().anyMatch(f -> f.get("severity").getAsString().equals("error")));

        Path damaged = work.resolve("damaged.xmi");
        Files.writeString(damaged, broken.replace("document=\"seed-004\"", "document=\"seed-999\""), StandardCharsets.UTF_8);
        Cli.Result listed = Cli.run(shared, "validate", damaged.toString());
        assertEquals(3, listed.exit(), "a file that does not load cleanly is a data error, with every problem listed: " + listed);
        assertTrue(listed.out().contains(damaged + ":") && listed.out().contains("dangling reference: no object has the id 'seed-999'"),
                "the dangling reference with its line:\n" + listed.out());
        assertTrue(listed.out().contains("XX"), "and the rules, on what could be read:\n" + listed.out());
        assertTrue(listed.out().contains(damaged + " does not load cleanly"), listed.out());
        assertEquals(3, Cli.run(shared, "--json", "validate", damaged.toString()).exit());

        Path malformed = work.resolve("malformed.xmi");
        Files.writeString(malformed, bundled.substring(0, bundled.length() / 2), StandardCharsets.UTF_8);
        Cli.Result corrupt = Cli.run(shared, "validate", malformed.toString());
        assertEquals(3, corrupt.exit(), corrupt.toString());
        assertTrue(corrupt.err().startsWith("kb validate: " + malformed + ":"), corrupt.err());
        assertTrue(corrupt.err().contains("it was probably cut off"), corrupt.err());
        assertEquals(1, corrupt.err().strip().lines().count(), corrupt.err());
    }

    @Test
    void exportRoundTripsAsJsonAndCsv() throws Exception {
        Cli.Result json = Cli.run(shared, "export", "--format", "json");
        assertEquals(0, json.exit(), json.toString());
        List<JsonObject> records = json.jsonLines();
        assertEquals(21, records.size());

        Path csvFile = work.resolve("partnerships.csv");
        Cli.Result csv = Cli.run(shared, "export", "--format", "csv", "--output", csvFile.toString());
        assertEquals(0, csv.exit(), csv.toString());
        List<List<String>> rows = CsvText.parse(Files.readString(csvFile, StandardCharsets.UTF_8));
        assertEquals("id", rows.get(0).get(0));
        assertEquals(22, rows.size(), "a header and 21 rows");
        for (int i = 0; i < records.size(); i++) {
            JsonObject record = records.get(i);
            List<String> row = rows.get(i + 1);
            assertEquals(record.get("id").getAsString(), row.get(0));
            assertEquals(record.getAsJsonObject("names").getAsJsonObject("bg").get("value").getAsString(), row.get(2));
            assertEquals(record.getAsJsonObject("names").getAsJsonObject("uk").get("value").getAsString(), row.get(4));
            assertEquals(record.get("status").getAsString(), row.get(6));
        }
        Cli.Result documents = Cli.run(shared, "--json", "export", "--format", "json", "--what", "documents");
        Set<String> checksums = documents.jsonLines().stream().map(d -> d.get("checksum").getAsString()).collect(Collectors.toSet());
        assertTrue(checksums.size() >= 5, documents.toString());
        Cli.Result evidence = Cli.run(shared, "export", "--format", "csv", "--what", "evidence");
        assertTrue(evidence.out().startsWith("id,document,title,location,target,targetType,status,score,snippet"), evidence.out());
    }

    @Test
    void linkProposesSuggestionsOnceAndSearchExpandsAcrossLanguages() throws Exception {
        Path data = work.resolve("link-data");
        Cli.Result first = Cli.run(data, "link");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains("city-oulu"), "coordinators mentioned in seed 004:\n" + first.out());
        assertTrue(first.out().matches("(?s).*[1-9]\\d* new suggestions.*saved.*"), first.toString());
        Cli.Result again = Cli.run(data, "link");
        assertTrue(again.out().contains(" 0 new suggestions, 0 updated"), again.toString());
        assertTrue(again.out().contains("nothing to store"), again.toString());
        Cli.Result show = Cli.run(data, "show", "digital-transition");
        assertTrue(show.out().contains("suggested") || show.out().contains("confirmed"), show.toString());

        Cli.Result off = Cli.run(data, "--json", "search", "digital", "transition");
        assertEquals(0, off.jsonLines().size(), off.toString());
        Cli.Result on = Cli.run(data, "--json", "search", "--expand", "digital", "transition");
        assertEquals(0, on.exit(), on.toString());
        Set<String> languages = on.jsonLines().stream().map(h -> h.get("lang").getAsString()).collect(Collectors.toSet());
        assertEquals(Set.of("uk", "bg"), languages, on.toString());
        assertTrue(on.err().contains("expanded across languages"), on.err());
    }
}
