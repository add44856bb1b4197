package eu.urbanagenda.kb.analysis;

import java.io.IOException;
import java.io.Reader;
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
 * <li>{@link #bulgarian()}: the surface form and the Bulgarian light stem; ѐ read as е.</li>
 * <li>{@link #russian()}, {@link #english()}: surface form plus light/Porter stem. {@link #generic()}: lower case plus
 * ASCII folding.</li>
 * <li>{@link #translit(boolean)}: the transliteration search key of each word ({@link Transliteration}).</li>
 * <li>{@link #title()}: surface form, Ukrainian lemmas and Bulgarian stem together (titles are searched in any
 * language).</li>
 * </ul>
 * No stop words are removed: a query is expanded over fields with different analyzers and default AND, and a word
 * dropped by one field's stop list would otherwise have to match in another.
 */
public final class KbAnalyzers {

    /**
     * The version of the analysis. Part of the index format: an index built with another version is rebuilt. Change
     * it with every change that alters indexed terms.
     */
    public static final String ANALYZER_VERSION = "kb-analysis-1 (uk: morfologik-ukrainian-search 4.9.1; "
            + "bg: light stemmer; translit: key 2)";

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
            lemmas.remove(word);
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
        return new Base(UK_MAP, true) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, true, true);
                ts = new LowerCaseFilter(ts);
                ts = new AlternativesFilter(ts, new WordCache<>(ukrainianLemmas(), CACHE_WORDS));
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** @return the Bulgarian analyzer (field {@code text_bg}) */
    public static Analyzer bulgarian() {
        return new Base(BG_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, false, true);
                ts = new LowerCaseFilter(ts);
                ts = new KeywordRepeatFilter(ts);
                ts = new BulgarianStemFilter(ts);
                ts = new RemoveDuplicatesTokenFilter(ts);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** @return the Russian analyzer (field {@code text_ru}) */
    public static Analyzer russian() {
        return new Base(RU_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, false, false);
                ts = new LowerCaseFilter(ts);
                ts = new KeywordRepeatFilter(ts);
                ts = new RussianLightStemFilter(ts);
                ts = new RemoveDuplicatesTokenFilter(ts);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** @return the English analyzer (field {@code text_en}) */
    public static Analyzer english() {
        return new Base(BASE_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new EnglishPossessiveFilter(source);
                ts = new LowerCaseFilter(ts);
                ts = new KeywordRepeatFilter(ts);
                ts = new PorterStemFilter(ts);
                ts = new RemoveDuplicatesTokenFilter(ts);
                return new TokenStreamComponents(source, ts);
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
        return new Base(UK_MAP, false) {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new MixedScriptFilter(source, false, false);
                ts = new LowerCaseFilter(ts);
                Function<String, String[]> lemmas = ukrainianLemmas();
                Analyzer bgStemmer = singleWordBulgarianStemmer();
                ts = new AlternativesFilter(ts, new WordCache<>(word -> {
                    Set<String> all = new LinkedHashSet<>(List.of(lemmas.apply(word)));
                    all.addAll(stemOne(bgStemmer, word));
                    all.remove(word);
                    return all.toArray(new String[0]);
                }, CACHE_WORDS / 4));
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** A one-word analyzer around the Bulgarian light stemmer (its stemmer class is not public). */
    private static Analyzer singleWordBulgarianStemmer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new BulgarianStemFilter(source));
            }
        };
    }

    private static List<String> stemOne(Analyzer stemmer, String word) {
        try (TokenStream ts = stemmer.tokenStream("", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            List<String> out = ts.incrementToken() ? List.of(term.toString()) : List.of();
            ts.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
