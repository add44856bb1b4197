package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;

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
import eu.urbanagenda.kb.cli.internal.Timings;
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
                (hromada, digitalen prehod). Several words without quotes are one query.""";
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
                OptionSpec.flag("facets", "also count the hits per language, year, format, folder and partnership"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        String query = String.join(" ", args.operands()).strip();
        if (query.isEmpty()) {
            throw new UsageException("kb search: a QUERY is needed; see 'kb search --help'");
        }
        String asked = query;
        Console console = context.console();
        KbSession session = context.session();
        if (args.has("expand")) {
            CrossLanguageQuery.Expansion expansion = CrossLanguageQuery.expand(query, LinkVocabulary.of(session.model().knowledgeBase()));
            if (expansion.expanded()) {
                console.error("kb search: expanded across languages (" + String.join(", ", expansion.partnerships()) + "): "
                        + String.join(", ", expansion.added()));
                query = expansion.query();
            }
        }
        SearchRequest.Builder request = SearchRequest.builder(query);
        List<String> languages = new ArrayList<>();
        for (String lang : args.values("lang")) {
            languages.add(choice("lang", lang, LANGUAGES));
        }
        request.languages(languages);
        List<String> formats = new ArrayList<>();
        for (String format : args.values("format")) {
            formats.add(choice("format", format, FORMATS));
        }
        request.formats(formats);
        List<Integer> years = new ArrayList<>();
        for (String year : args.values("year")) {
            try {
                years.add(Integer.parseInt(year));
            } catch (NumberFormatException e) {
                throw new UsageException("kb search: --year needs a year such as 2023, not '" + year + "'");
            }
        }
        request.years(years);
        if (args.has("folder")) {
            Path folder = Path.of(args.value("folder")).toAbsolutePath().normalize();
            if (!Files.isDirectory(folder)) {
                throw new DataException("kb search: --folder " + folder + " is not a folder");
            }
            request.folder(folder);
        }
        int limit = args.intValue("limit", 10, 0, SearchRequest.MAX_WINDOW);
        int offset = args.intValue("offset", 0, 0, SearchRequest.MAX_WINDOW - limit);
        request.page(offset, limit);
        String sort = args.choice("sort", "relevance", List.of("relevance", "date", "date-asc"));
        request.sort(switch (sort) {
            case "date" -> SortOrder.DATE_DESC;
            case "date-asc" -> SortOrder.DATE_ASC;
            default -> SortOrder.RELEVANCE;
        });
        boolean facets = args.has("facets");
        request.facets(facets);

        SearchResult result;
        try {
            ProgressPrinter progress = new ProgressPrinter(console.err(), console.errTerminal());
            session.library().ensureIndexed(progress);
            progress.done();
            Timings.mark("index opened");
            result = session.search(request, args.values("partnership"));
            Timings.mark("searched (" + result.took().toMillis() + " ms in the index)");
        } catch (QueryTooCostlyException e) {
            throw new UsageException("kb search: query too costly: " + e.getMessage().strip());
        } catch (QuerySyntaxException e) {
            String where = e.position() >= 0 ? "at character " + (e.position() + 1) + " of «" + e.query() + "»: " : "";
            throw new UsageException("kb search: bad query " + where + e.getMessage().strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("kb search: " + e.getMessage() + "; see 'kb partnerships'");
        } catch (IOException e) {
            throw new DataException("kb search: " + e.getMessage(), e);
        }
        print(asked, offset, result, facets, session, console);
        Timings.mark("hits printed");
        return ExitStatus.OK;
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
