package eu.urbanagenda.kb.index;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import eu.urbanagenda.kb.analysis.KbAnalyzers;
import eu.urbanagenda.kb.analysis.NamedAnalyzers;

import eu.urbanagenda.kb.ingest.Language;

/**
 * The fields of the index. Text fields can be searched with {@code field:value} in a query or chosen with
 * {@link SearchRequest.Builder#fields(java.util.Collection)}; the short names {@code uk}, {@code bg}, {@code ru},
 * {@code en} and {@code text} (all text fields) are accepted in queries too.
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>field</th><th>content</th><th>analysis</th></tr>
 * <tr><td>text_uk, text_bg, text_ru, text_en, text_other</td><td>the text of a document in that language (only one of
 * them per document)</td><td>see {@link KbAnalyzers}; positions and offsets</td></tr>
 * <tr><td>translit</td><td>the text of every document as transliteration search keys</td><td>matches Latin
 * spellings of Cyrillic words</td></tr>
 * <tr><td>title</td><td>the title (stored)</td><td>surface, Ukrainian lemmas, Bulgarian stems</td></tr>
 * <tr><td>lang, format, year, encoding</td><td>keywords (stored, doc values for facets)</td><td>lower case</td></tr>
 * <tr><td>sha256</td><td>lower-case hex SHA-256 of the file (stored, doc values)</td><td>keyword</td></tr>
 * <tr><td>path</td><td>absolute path (stored, unique key)</td><td>keyword, case-sensitive</td></tr>
 * <tr><td>folder</td><td>every ancestor folder of the file (the parent is stored and counted as facet)</td>
 * <td>keyword, case-sensitive</td></tr>
 * <tr><td>date</td><td>publication date as epoch day (stored, points, doc values for sorting)</td><td></td></tr>
 * </table>
 */
public final class KbFields {
    /** Ukrainian text. */
    public static final String TEXT_UK = "text_uk";
    /** Bulgarian text. */
    public static final String TEXT_BG = "text_bg";
    /** Russian text. */
    public static final String TEXT_RU = "text_ru";
    /** English text. */
    public static final String TEXT_EN = "text_en";
    /** Text in other languages. */
    public static final String TEXT_OTHER = "text_other";
    /** Transliteration search keys of the text. */
    public static final String TRANSLIT = "translit";
    /** Title. */
    public static final String TITLE = "title";
    /** Language code. */
    public static final String LANG = "lang";
    /** Format id: text, html, pdf. */
    public static final String FORMAT = "format";
    /** Publication year. */
    public static final String YEAR = "year";
    /** Encoding used to decode the file. */
    public static final String ENCODING = "encoding";
    /** SHA-256 of the file's bytes. */
    public static final String SHA256 = "sha256";
    /** Absolute path. */
    public static final String PATH = "path";
    /** Ancestor folders. */
    public static final String FOLDER = "folder";
    /** Publication date (epoch day). */
    public static final String DATE = "date";

    /** The language text fields, in the order of {@link Language}. */
    public static final List<String> TEXT_FIELDS = List.of(TEXT_UK, TEXT_BG, TEXT_RU, TEXT_EN, TEXT_OTHER);

    /** The fields a query without field name searches: the text fields, the title and the transliteration. */
    public static final List<String> DEFAULT_FIELDS = List.of(TEXT_UK, TEXT_BG, TEXT_RU, TEXT_EN, TEXT_OTHER, TITLE,
            TRANSLIT);

    private KbFields() {
    }

    /**
     * @param language a language
     * @return the text field of documents in that language
     */
    public static String textField(Language language) {
        return TEXT_FIELDS.get(language.ordinal());
    }

    /**
     * The analyzer of each text field, by its name in {@link NamedAnalyzers}. The OpenSearch mapping is written from
     * this table (the plugin registers each analyzer as {@code kb_<name>}), so both engines analyse a field alike; the
     * query analyzer takes the query form of the same names.
     */
    public static final Map<String, String> TEXT_ANALYZERS = orderedMap(TEXT_UK, NamedAnalyzers.UKRAINIAN, TEXT_BG,
            NamedAnalyzers.BULGARIAN, TEXT_RU, NamedAnalyzers.RUSSIAN, TEXT_EN, NamedAnalyzers.ENGLISH, TEXT_OTHER,
            NamedAnalyzers.GENERIC, TRANSLIT, NamedAnalyzers.TRANSLIT, TITLE, NamedAnalyzers.TITLE);

    /** Keyword fields, matched in lower case. */
    public static final List<String> LOWER_CASE_KEYWORDS = List.of(LANG, FORMAT, YEAR, SHA256, ENCODING);

    /** Keyword fields, matched exactly (paths are case-sensitive). */
    public static final List<String> EXACT_KEYWORDS = List.of(PATH, FOLDER);

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** @return the analyzer of each field for indexing */
    public static Analyzer analyzer() {
        return analyzer(false);
    }

    /**
     * @return the analyzer of each field for queries: the language fields and the title take a word's lemmas or stem
     *         instead of the word (every form of it is indexed with them), the other fields are analysed as indexed
     */
    public static Analyzer queryAnalyzer() {
        return analyzer(true);
    }

    private static Analyzer analyzer(boolean query) {
        Map<String, Analyzer> perField = new HashMap<>();
        TEXT_ANALYZERS.forEach((field, name) -> perField.put(field, NamedAnalyzers.create(name, query)));
        Analyzer keyword = KbAnalyzers.lowerCaseKeyword();
        LOWER_CASE_KEYWORDS.forEach(field -> perField.put(field, keyword));
        Analyzer exact = new KeywordAnalyzer();
        EXACT_KEYWORDS.forEach(field -> perField.put(field, exact));
        return new PerFieldAnalyzerWrapper(NamedAnalyzers.create(NamedAnalyzers.GENERIC, query), perField);
    }
}
