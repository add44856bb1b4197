package eu.urbanagenda.kb.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.bg.BulgarianStemFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import eu.urbanagenda.kb.analysis.text.TextNormalizer;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * The analyzers of the knowledge-base index, constructed directly (no analysis SPI lookup, which inside OSGi sees only
 * lucene-core's class loader). Every analyzer first maps apostrophe variants (’ ‘ ʼ ` ´ ′) to {@code '} and removes
 * soft hyphens, zero-width characters and combining stress accents with an offset-correcting character filter, so
 * highlights point into the original text. {@link Analyzer#normalize(String, String)} (used for wildcard, prefix,
 * fuzzy and range terms) applies the same character mapping, lower-casing and look-alike repair as indexing.
 * <ul>
 * <li>{@link #ukrainian()}: standard tokenizer, look-alike repair, lower case, then the surface form and its lemmas
 * from the morfologik Ukrainian dictionary (lemmas lower-cased, looked up through a per-thread word cache), ґ read as
 * г like the dictionary.</li>
 * <li>{@link #bulgarian()}: the surface form, its {@link BulgarianStemmer} stem and the light stem of Lucene's
 * BulgarianStemFilter; ѐ read as е.</li>
 * <li>{@link #russian()}, {@link #english()}: surface form plus light/Porter stem. {@link #generic()}: lower case plus
 * ASCII folding.</li>
 * <li>{@link #translit(boolean)}: the transliteration search key of each word ({@link Transliteration}).</li>
 * <li>{@link #title()}: surface form, Ukrainian lemmas and Bulgarian stem together (titles are searched in any
 * language).</li>
 * </ul>
 * Each language analyzer has a query form ({@code ukrainian(true)} ...): where indexing puts a word's lemmas or stem
 * beside the word, a query takes the lemmas or stem instead of the word, so a document scores the same whichever form
 * of the word it uses. No stop words are removed: a query is expanded over fields with different analyzers and default AND, and a word
 * dropped by one field's stop list would otherwise have to match in another.
 */
public final class KbAnalyzers {

    /**
     * The version of the analysis. Part of the index format: an index built with another version is rebuilt. Change
     * it with every change that alters indexed terms.
     */
    public static final String ANALYZER_VERSION = "kb-analysis-2 (uk: morfologik-ukrainian-search 4.9.1; "
            + "bg: kb stemmer 1 + light stemmer; translit: key 2)";

    private static final NormalizeCharMap BASE_MAP = charMap(Map.of());
    private static final NormalizeCharMap UK_MAP = charMap(Map.of("ґ", "г", "Ґ", "Г"));
    private static final NormalizeCharMap BG_MAP = charMap(Map.of("ѐ", "е", "Ѐ", "Е"));
    private static final NormalizeCharMap RU_MAP = charMap(Map.of("ё", "е", "Ё", "Е"));

    /** Words memoised per analysis chain (per thread) for lemma and transliteration lookups. */
    static final int CACHE_WORDS = 100_000;

    private KbAnalyzers() {
    }

    /**
     * The lemmas of a lower-case word in the morfologik Ukrainian dictionary, lower-cased, without duplicates and
     * without the word itself (a lemma of a proper noun is capitalised in the dictionary).
     */
    static Function<String, String[]> ukrainianLemmas() {
        return ukrainianLemmas(false);
    }

    /**
     * @param withWord whether the word itself is one of the lemmas when it is a lemma (for queries, where the lemmas
     *            replace the word)
     * @return the lemmas of a lower-case word in the morfologik Ukrainian dictionary, lower-cased, without duplicates
     */
    static Function<String, String[]> ukrainianLemmas(boolean withWord) {
        DictionaryLookup lookup = new DictionaryLookup(UkrainianDictionary.get());
        return word -> {
            List<WordData> data = lookup.lookup(word);
            if (data.isEmpty()) {
                return NO_WORDS;
            }
            Set<String> lemmas = new LinkedHashSet<>();
            for (WordData wd : data) {
                lemmas.add(wd.getStem().toString().toLowerCase(Locale.ROOT));
            }
            if (!withWord) {
                lemmas.remove(word);
            }
            return lemmas.toArray(NO_WORDS);
        };
    }

    private static final String[] NO_WORDS = new String[0];

    private static NormalizeCharMap charMap(Map<String, String> extra) {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (char c : TextNormalizer.APOSTROPHES.toCharArray()) {
            b.add(String.valueOf(c), "'");
        }
        for (char c : new char[] {'\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0301', '\u0300'}) {
            b.add(String.valueOf(c), "");
        }
        extra.forEach(b::add);
        return b.build();
    }

    /** Base: character mapping before tokenizing and before normalising query terms; lower case in normalize(). */
    private abstract static class Base extends Analyzer {
        private final NormalizeCharMap map;
        private final boolean ukrainian;

        Base(NormalizeCharMap map, boolean ukrainian) {
            this.map = map;
            this.ukrainian = ukrainian;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(map, reader);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new MappingCharFilter(map, reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new MixedScriptFilter(in, ukrainian, false));
        }
    }

    /** @return the Ukrainian analyzer (field {@code text_uk}) */
    public static Analyzer ukrainian() {
        return ukrainian(false);
    }

    /**
     * @param query whether this analyses queries: a word the dictionary knows becomes its lemmas only (all of them,
     *            the word itself included when it is one), so that every form of the word matches alike and a
     *            document with the typed form gets no more weight than one with another form of the word
     * @return the Ukrainian analyzer (field {@code text_uk})
     */
    public static Analyzer ukrainian(boolean query) {
        return new Base(UK_MAP, true) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, true, true);
                ts = new LowerCaseFilter(ts);
                ts = new AlternativesFilter(ts, new WordCache<>(ukrainianLemmas(query), CACHE_WORDS), !query);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** @return the Bulgarian analyzer (field {@code text_bg}) */
    public static Analyzer bulgarian() {
        return bulgarian(false);
    }

    /**
     * @param query whether this analyses queries: the word's two stems instead of the word: the {@link BulgarianStemmer}
     *            stem, which joins all forms of the word, and the light stem, which joins only the forms of nouns and
     *            adjectives that differ in number and article (the query parser adds up their scores, so of the
     *            documents that match through the stem, those whose form of the word is closer rank first)
     * @return the Bulgarian analyzer (field {@code text_bg}): the surface form, its {@link BulgarianStemmer} stem and
     *         the light stem of Lucene's BulgarianStemFilter
     */
    public static Analyzer bulgarian(boolean query) {
        return new Base(BG_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, false, true);
                ts = new LowerCaseFilter(ts);
                Function<String, String> light = lightBulgarianStemmer();
                ts = new AlternativesFilter(ts, new WordCache<>(word -> {
                    Set<String> stems = new LinkedHashSet<>(List.of(BulgarianStemmer.stem(word), light.apply(word)));
                    if (!query) {
                        stems.remove(word);
                    }
                    return stems.toArray(NO_WORDS);
                }, CACHE_WORDS), !query);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** Lucene's light Bulgarian stemmer (Savoy's) on single words; its class is not public. */
    private static Function<String, String> lightBulgarianStemmer() {
        KeywordTokenizer source = new KeywordTokenizer();
        TokenStream stemmed = new BulgarianStemFilter(source);
        CharTermAttribute term = stemmed.addAttribute(CharTermAttribute.class);
        return word -> {
            try {
                source.setReader(new StringReader(word));
                stemmed.reset();
                String s = stemmed.incrementToken() ? term.toString() : word;
                stemmed.end();
                stemmed.close();
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The surface form and its stem (indexing), or the stem alone (querying). */
    private static TokenStream stemmed(TokenStream ts, Function<TokenStream, TokenStream> stemmer, boolean query) {
        if (query) {
            return stemmer.apply(ts);
        }
        return new RemoveDuplicatesTokenFilter(stemmer.apply(new KeywordRepeatFilter(ts)));
    }

    /** @return the Russian analyzer (field {@code text_ru}) */
    public static Analyzer russian() {
        return russian(false);
    }

    /**
     * @param query whether this analyses queries (the stem only)
     * @return the Russian analyzer (field {@code text_ru})
     */
    public static Analyzer russian(boolean query) {
        return new Base(RU_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, false, false);
                ts = new LowerCaseFilter(ts);
                return new TokenStreamComponents(source, stemmed(ts, RussianLightStemFilter::new, query));
            }
        };
    }

    /** @return the English analyzer (field {@code text_en}) */
    public static Analyzer english() {
        return english(false);
    }

    /**
     * @param query whether this analyses queries (the stem only)
     * @return the English analyzer (field {@code text_en})
     */
    public static Analyzer english(boolean query) {
        return new Base(BASE_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new EnglishPossessiveFilter(source);
                ts = new LowerCaseFilter(ts);
                return new TokenStreamComponents(source, stemmed(ts, PorterStemFilter::new, query));
            }
        };
    }

    /** @return the analyzer of other languages (field {@code text_other}): lower case plus ASCII folding */
    public static Analyzer generic() {
        return new Base(BASE_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new ASCIIFoldingFilter(ts, true);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /**
     * @param latinOnly whether words with Cyrillic letters are dropped (for expanding a query without field over the
     *            transliteration field: Cyrillic words are matched by the language fields)
     * @return the transliteration analyzer (field {@code translit})
     */
    public static Analyzer translit(boolean latinOnly) {
        return new Base(BASE_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, false, false);
                ts = new LowerCaseFilter(ts);
                ts = new TranslitFilter(ts, true, latinOnly);
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new TranslitFilter(new LowerCaseFilter(new MixedScriptFilter(in, false, false)), false, false, true);
            }
        };
    }

    /** @return the title analyzer (field {@code title}): surface form, Ukrainian lemmas and Bulgarian stem */
    public static Analyzer title() {
        return title(false);
    }

    /**
     * @param query whether this analyses queries: the Ukrainian lemmas and the Bulgarian stem only
     * @return the title analyzer (field {@code title})
     */
    public static Analyzer title(boolean query) {
        return new Base(UK_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, false, false);
                ts = new LowerCaseFilter(ts);
                Function<String, String[]> lemmas = ukrainianLemmas(query);
                ts = new AlternativesFilter(ts, new WordCache<>(word -> {
                    Set<String> all = new LinkedHashSet<>(List.of(lemmas.apply(word)));
                    all.add(BulgarianStemmer.stem(word));
                    if (!query) {
                        all.remove(word);
                    }
                    return all.toArray(NO_WORDS);
                }, CACHE_WORDS / 4), !query);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** @return a keyword analyzer that lower-cases (language, format, year, sha256) */
    public static Analyzer lowerCaseKeyword() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
