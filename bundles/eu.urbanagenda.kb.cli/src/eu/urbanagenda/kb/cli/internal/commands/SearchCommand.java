package eu.urbanagenda.kb.cli.internal.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.ProgressPrinter;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.QueryTooCostlyException;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.SortOrder;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.link.CrossLanguageQuery;
import eu.urbanagenda.kb.link.LinkVocabulary;

/** `kb search QUERY`: ranked hits with highlighted snippets. */
public final class SearchCommand implements Command {

    static final List<String> LANGUAGES = Arrays.stream(Language.values()).map(Language::code).toList();
    static final List<String> FORMATS = Arrays.stream(DocumentFormat.values()).map(DocumentFormat::id).toList();

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "full-text search over the indexed documents";
    }

    @Override
    public String operands() {
        return "QUERY";
    }

    @Override
    public String description() {
        return """
                QUERY is in Lucene syntax: words (all must match), OR, NOT or -, "phrases", wildcards
                (громад*), fuzzy terms (громада~), field:value (title:, lang:, year:). Any inflected form
                finds the others (громадами finds громад), and Latin transliteration finds Cyrillic text
                (hromada, digitalen prehod). Several words without quotes are one query.

                --batch FILE answers one query a line of FILE (- for standard input) in one run, each with the
                same options, as JSON lines: each hit with "query" and "line" besides the fields of --json, then
                one line per query with its "documents", "files" and "ms", or its "error". A bad query does not
                stop the others; the exit status is then 2.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("lang", "LANG", "only documents in this language: uk, bg, ru, en, other (repeatable)"),
                OptionSpec.value("partnership", "ID", "only documents linked to this partnership (repeatable; see kb partnerships)"),
                OptionSpec.value("year", "YEAR", "only documents dated in this year (repeatable)"),
                OptionSpec.value("format", "FORMAT", "only documents of this format: text, html, pdf, docx, doc, odt, rtf, epub, xlsx, pptx, eml, image, … (repeatable)"),
                OptionSpec.value("folder", "DIR", "only documents under this folder"),
                OptionSpec.value("limit", "N", "hits to show (default 10)"),
                OptionSpec.value("offset", "N", "hits to skip first, for paging (default 0)"),
                OptionSpec.value("sort", "ORDER", "relevance (default), date (newest first) or date-asc"),
                OptionSpec.flag("expand", "across languages: a partnership's name or keyword in the query also searches its names and keywords in the other languages"),
                OptionSpec.flag("facets", "also count the hits per language, year, format, folder and partnership"),
                OptionSpec.value("batch", "FILE", "one query a line from FILE (- for standard input), all with these options; JSON lines out: "
                        + "each hit with its query and line, then the query's documents, files and ms, or its error"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        String query = String.join(" ", args.operands()).strip();
        if (args.has("batch") && !query.isEmpty()) {
            throw new UsageException("kb search: --batch reads its queries from FILE; give no QUERY besides");
        }
        if (!args.has("batch") && query.isEmpty()) {
            throw new UsageException("kb search: a QUERY is needed; see 'kb search --help'");
        }
        Filters filters = Filters.of(args, context);
        Console console = context.console();
        KbSession session = context.session();
        LinkVocabulary vocabulary = args.has("expand") ? context.readModel(s -> LinkVocabulary.of(s.model().knowledgeBase())) : null;
        try {
            ProgressPrinter progress = new ProgressPrinter(console.err(), console.errTerminal());
            session.library().ensureIndexed(progress);
            progress.done();
        } catch (IOException e) {
            throw new DataException("kb search: " + e.getMessage(), e);
        }
        context.timings().mark("index opened");
        if (args.has("batch")) {
            return batch(args.value("batch"), filters, vocabulary, session, context);
        }
        String asked = query;
        if (vocabulary != null) {
            CrossLanguageQuery.Expansion expansion = CrossLanguageQuery.expand(query, vocabulary);
            if (expansion.expanded()) {
                console.error("kb search: expanded across languages (" + String.join(", ", expansion.partnerships()) + "): "
                        + String.join(", ", expansion.added()));
                query = expansion.query();
            }
        }
        SearchResult result;
        try {
            result = session.search(filters.request(query), filters.partnerships());
            context.timings().mark("searched (" + result.took().toMillis() + " ms in the index)");
        } catch (QueryTooCostlyException e) {
            throw new UsageException("kb search: query too costly: " + e.getMessage().strip());
        } catch (QuerySyntaxException e) {
            throw new UsageException("kb search: " + badQuery(e));
        } catch (IllegalArgumentException e) {
            throw new UsageException("kb search: " + e.getMessage() + "; see 'kb partnerships'");
        } catch (IOException e) {
            throw new DataException("kb search: " + e.getMessage(), e);
        }
        print(asked, filters.offset(), result, filters.facets(), session, console);
        context.timings().mark("hits printed");
        return ExitStatus.OK;
    }

    /** What a bad query is, in words: where, and what the parser says. */
    private static String badQuery(QuerySyntaxException e) {
        String where = e.position() >= 0 ? "at character " + (e.position() + 1) + " of «" + e.query() + "»: " : "";
        return "bad query " + where + e.getMessage().strip();
    }

    /** The options of a search, checked once, for one query or a batch of them. */
    private record Filters(List<String> languages, List<String> formats, List<Integer> years, Path folder, int offset, int limit,
            SortOrder sort, boolean facets, List<String> partnerships) {

        static Filters of(ParsedArgs args, Context context) throws UsageException, DataException {
            List<String> languages = new ArrayList<>();
            for (String lang : args.values("lang")) {
                languages.add(choice("lang", lang, LANGUAGES));
            }
            List<String> formats = new ArrayList<>();
            for (String format : args.values("format")) {
                formats.add(choice("format", format, FORMATS));
            }
            List<Integer> years = new ArrayList<>();
            for (String year : args.values("year")) {
                try {
                    years.add(Integer.parseInt(year));
                } catch (NumberFormatException e) {
                    throw new UsageException("kb search: --year needs a year such as 2023, not '" + year + "'");
                }
            }
            Path folder = null;
            if (args.has("folder")) {
                folder = context.path(args.value("folder"));
                if (!Files.isDirectory(folder)) {
                    throw new DataException("kb search: --folder " + folder + " is not a folder");
                }
            }
            int limit = args.intValue("limit", 10, 0, SearchRequest.MAX_WINDOW);
            int offset = args.intValue("offset", 0, 0, SearchRequest.MAX_WINDOW - limit);
            SortOrder sort = switch (args.choice("sort", "relevance", List.of("relevance", "date", "date-asc"))) {
                case "date" -> SortOrder.DATE_DESC;
                case "date-asc" -> SortOrder.DATE_ASC;
                default -> SortOrder.RELEVANCE;
            };
            return new Filters(languages, formats, years, folder, offset, limit, sort, args.has("facets"), args.values("partnership"));
        }

        SearchRequest.Builder request(String query) {
            SearchRequest.Builder request = SearchRequest.builder(query).languages(languages).formats(formats).years(years)
                    .page(offset, limit).sort(sort).facets(facets);
            return folder == null ? request : request.folder(folder);
        }
    }

    /** Queries of a batch searched at once: on every core (up to four), their answers printed in order. */
    private static final int BATCH_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** The JSON lines of one query of a batch: its hits and its totals, or its error. */
    private record Answer(List<JsonObject> lines, boolean bad) {
    }

    /**
     * `--batch FILE`: one query a line (blank lines skipped), each with the same options; JSON lines out: each hit with its
     * query and line, then the query's totals, or its error. A bad query does not stop the others; the exit status is then
     * that of a bad query (2).
     */
    private static int batch(String file, Filters filters, LinkVocabulary vocabulary, KbSession session, Context context)
            throws UsageException, DataException {
        Console console = context.console();
        String source = file.equals("-") ? "standard input" : context.path(file).toString();
        long started = System.nanoTime();
        int queries = 0;
        int bad = 0;
        int number = 0;
        ExecutorService searchers = Executors.newFixedThreadPool(BATCH_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "kb search --batch");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Answer>> answers = new ArrayDeque<>();
        try {
            try (BufferedReader lines = queries(file, context)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    number++;
                    String query = line.strip();
                    if (query.isEmpty()) {
                        continue;
                    }
                    queries++;
                    int at = number;
                    answers.add(searchers.submit(() -> answer(query, at, filters, vocabulary, session)));
                    if (answers.size() >= 4 * BATCH_THREADS) {
                        bad += print(answers.poll(), console);
                    }
                }
            } catch (CharacterCodingException e) {
                throw new DataException("kb search: " + source + " is not UTF-8 text (line " + (number + 1) + ")", e);
            } catch (IOException e) {
                throw new DataException("kb search: cannot read " + source + ": " + reason(e), e);
            }
            while (!answers.isEmpty()) {
                bad += print(answers.poll(), console);
            }
        } finally {
            searchers.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        console.error("kb search: " + queries + (queries == 1 ? " query" : " queries") + " from " + source + " in " + millis + " ms"
                + (bad == 0 ? "" : "; " + bad + " bad (their \"error\" says why)"));
        return bad == 0 ? ExitStatus.OK : ExitStatus.USAGE;
    }

    /** One query of a batch, searched (on a thread of the batch). */
    private static Answer answer(String query, int line, Filters filters, LinkVocabulary vocabulary, KbSession session)
            throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        JsonObject totals = new JsonObject();
        totals.addProperty("query", query);
        totals.addProperty("line", line);
        try {
            String expanded = vocabulary == null ? query : CrossLanguageQuery.expand(query, vocabulary).query();
            SearchResult result = session.search(filters.request(expanded), filters.partnerships());
            for (SearchHit hit : result.hits()) {
                JsonObject object = new JsonObject();
                object.addProperty("query", query);
                object.addProperty("line", line);
                json(hit, session).entrySet().forEach(member -> object.add(member.getKey(), member.getValue()));
                lines.add(object);
            }
            totals.addProperty("documents", result.totalDocuments());
            totals.addProperty("files", result.totalHits());
            totals.addProperty("ms", result.took().toMillis());
            if (filters.facets()) {
                totals.add("facets", facetsJson(result));
            }
        } catch (QuerySyntaxException e) {
            totals.addProperty("error", badQuery(e));
            lines.add(totals);
            return new Answer(lines, true);
        }
        lines.add(totals);
        return new Answer(lines, false);
    }

    /** Prints the answer to one query of a batch once it is there; 1 for a bad query, else 0. */
    private static int print(Future<Answer> pending, Console console) throws UsageException, DataException {
        Answer answer;
        try {
            answer = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("kb search: interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException unknown) {
                throw new UsageException("kb search: " + unknown.getMessage() + "; see 'kb partnerships'");
            }
            if (cause instanceof IOException io) {
                throw new DataException("kb search: " + io.getMessage(), io);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        answer.lines().forEach(console::jsonLine);
        return answer.bad() ? 1 : 0;
    }

    /** The lines of the batch file, or of standard input for "-": UTF-8, and an error for anything else. */
    private static BufferedReader queries(String file, Context context) throws IOException {
        InputStream in = file.equals("-") ? context.stdin() : Files.newInputStream(context.path(file));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            @Override
            public void close() throws IOException {
                if (in != context.stdin()) {
                    super.close();
                }
            }
        };
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String choice(String option, String value, List<String> allowed) throws UsageException {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new UsageException("kb search: --" + option + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
        }
        return lower;
    }

    private static void print(String query, int offset, SearchResult result, boolean facets, KbSession session, Console console) {
        long millis = result.took().toMillis();
        if (console.json()) {
            for (SearchHit hit : result.hits()) {
                console.jsonLine(json(hit, session));
            }
            if (facets) {
                console.jsonLine(facetsJson(result));
            }
            console.error(result.totalDocuments() + " documents match, " + result.totalHits() + " files (" + millis + " ms)");
            return;
        }
        if (result.totalHits() == 0) {
            console.println("No documents match «" + shown(query) + "» (" + millis + " ms).");
            return;
        }
        int first = offset + 1;
        int last = offset + result.hits().size();
        String files = result.totalHits() == result.totalDocuments() ? "" : " in " + result.totalHits() + " files";
        console.println(result.totalDocuments() + (result.totalDocuments() == 1 ? " document matches" : " documents match") + files + " «" + shown(query)
                + "» (" + millis + " ms)" + (result.hits().isEmpty() ? "; none on this page." : "; " + first + "–" + last + ":"));
        int rank = first;
        for (SearchHit hit : result.hits()) {
            console.println();
            console.println(rank++ + ". " + console.bold(hit.title() == null || hit.title().isBlank() ? hit.path().getFileName().toString() : hit.title()));
            StringBuilder meta = new StringBuilder("   ").append(hit.path()).append(" · ").append(hit.lang().code()).append(" · ")
                    .append(hit.format() == null ? "?" : hit.format().id());
            if (hit.date() != null) {
                meta.append(" · ").append(hit.date());
            }
            meta.append(String.format(Locale.ROOT, " · score %.2f", hit.score()));
            List<String> partnerships = session.links().partnershipsOf(hit.sha256());
            if (!partnerships.isEmpty()) {
                meta.append(" · ").append(String.join(", ", partnerships));
            }
            console.println(meta.toString());
            if (hit.metadata().recognised()) {
                console.println(String.format(Locale.ROOT, "   recognised by OCR, %.0f %% confidence", hit.metadata().ocrConfidence()));
            }
            if (hit.snippet() != null && !hit.snippet().text().isBlank()) {
                console.println("   " + console.snippet(hit.snippet()));
            }
            for (SearchHit.Copy copy : hit.copies()) {
                console.println("   also: " + copy.path() + " · " + (copy.format() == null ? "?" : copy.format().id()));
            }
        }
        if (facets) {
            console.println();
            printFacet(console, "Languages", result.facets().languages());
            printFacet(console, "Years", result.facets().years());
            printFacet(console, "Formats", result.facets().formats());
            printFacet(console, "Folders", result.facets().folders());
            printFacet(console, "Partnerships", result.facets().groups().stream().filter(f -> f.count() > 0).toList());
        }
    }

    private static void printFacet(Console console, String label, List<FacetCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder(label).append(": ");
        for (int i = 0; i < counts.size(); i++) {
            line.append(i == 0 ? "" : ", ").append(counts.get(i).value()).append(' ').append(counts.get(i).count());
        }
        console.println(line.toString());
    }

    static JsonObject json(SearchHit hit, KbSession session) {
        JsonObject object = new JsonObject();
        object.addProperty("path", hit.path().toString());
        object.addProperty("title", hit.title());
        object.addProperty("lang", hit.lang().code());
        object.addProperty("format", hit.format() == null ? null : hit.format().id());
        object.addProperty("encoding", hit.encoding());
        object.addProperty("score", hit.score());
        object.addProperty("date", hit.date() == null ? null : hit.date().toString());
        object.addProperty("sha256", hit.sha256());
        object.addProperty("snippet", hit.snippet() == null ? null : hit.snippet().marked());
        object.addProperty("author", hit.metadata().author());
        object.addProperty("created", hit.metadata().created() == null ? null : hit.metadata().created().toString());
        object.addProperty("modified", hit.metadata().modified() == null ? null : hit.metadata().modified().toString());
        object.addProperty("ocr_confidence", hit.metadata().ocrConfidence());
        JsonArray copies = new JsonArray();
        for (SearchHit.Copy copy : hit.copies()) {
            JsonObject c = new JsonObject();
            c.addProperty("path", copy.path().toString());
            c.addProperty("format", copy.format() == null ? null : copy.format().id());
            c.addProperty("sha256", copy.sha256());
            c.addProperty("ocr_confidence", copy.ocrConfidence());
            copies.add(c);
        }
        object.add("copies", copies);
        JsonArray partnerships = new JsonArray();
        session.links().partnershipsOf(hit.sha256()).forEach(partnerships::add);
        object.add("partnerships", partnerships);
        return object;
    }

    private static JsonObject facetsJson(SearchResult result) {
        JsonObject object = new JsonObject();
        object.addProperty("facets", true);
        object.add("lang", counts(result.facets().languages()));
        object.add("year", counts(result.facets().years()));
        object.add("format", counts(result.facets().formats()));
        object.add("folder", counts(result.facets().folders()));
        object.add("partnership", counts(result.facets().groups()));
        return object;
    }

    private static JsonObject counts(List<FacetCount> counts) {
        JsonObject object = new JsonObject();
        counts.forEach(c -> object.addProperty(c.value(), c.count()));
        return object;
    }

    /** The query as a headline shows it: a very long one (pasted text) is cut. */
    private static String shown(String query) {
        return query.length() <= 120 ? query : query.substring(0, 119) + "…";
    }
}
