package eu.urbanagenda.kb.ingest;

import java.util.HashMap;
import java.util.Map;

import eu.urbanagenda.kb.analysis.text.Homoglyphs;
import eu.urbanagenda.kb.analysis.text.TextNormalizer;

/**
 * Tells the language of a text: Ukrainian, Bulgarian, Russian, English or other.
 * <ol>
 * <li>Letters only one language uses: Ukrainian і ї є ґ and the apostrophe inside words; Russian ы э ё; Bulgarian ъ
 * (inside and at the end of words, unlike the Russian hard sign after prefixes) and ѝ; Serbian and Macedonian letters
 * mean "other".</li>
 * <li>Function words that distinguish the languages (Ukrainian "що", "та", "від"; Bulgarian "че", "това", "се";
 * Russian "что", "это", "был"; English "the", "and", "of"), which decide short texts without distinctive letters.</li>
 * <li>For short Cyrillic texts where these are not conclusive, a statistical fallback: the likelihood of the text's
 * letters under each language's letter frequencies (Bulgarian has few ь and у, Russian has ы, Ukrainian і and fewer е).
 * </li>
 * <li>The declared language (HTML {@code lang}) when the text itself is not conclusive.</li>
 * </ol>
 * Words mixing Cyrillic letters and Latin look-alikes are read as Cyrillic. Only the first 50,000 characters are
 * examined. Instances are immutable and thread-safe.
 */
public final class LanguageDetector {

    private static final int MAX_CHARS = 50_000;

    private static final Map<String, Language> FUNCTION_WORDS = new HashMap<>();

    static {
        words(Language.UK, "та що це як від із зі у про але або його її їх він вона вони ми ви був була було були "
                + "буде є який яка яке які також вже тому коли ще лише тільки щоб цей ця ці після між всі усі ніж чи "
                + "якщо бо адже свої своїх яких якому якої нас вас нам вам їм цього цієї саме дуже може можна треба");
        words(Language.BG, "че това като се да е са бъде беше бяха ще който която което които също вече само този "
                + "тази тези след чрез всички ако така го ги му ѝ когато още към пред защото няма има във със "
                + "нещо един една едно много трябва тук там където както обаче според бил била били");
        words(Language.RU, "что это как из он она они мы вы был была было были будет есть который которая которое "
                + "которые также уже только чтобы этот эта эти после между если его ее её их когда еще ещё чем "
                + "нет очень можно нужно где себя свой своих них");
        words(Language.EN, "the and of to in is that for with on as are this be by was were it from at an or not "
                + "which have has been can will their there these they we you he she his her");
    }

    /** Letter frequencies in per cent, in the order of {@link #UNIGRAM_LETTERS}. */
    private static final String UNIGRAM_LETTERS = "оаенитрсвлкмдпуяыьгзбчйхжшюцщэфъёіїєґѝ";
    private static final double[] UK_FREQ = {9.3, 8.0, 4.8, 6.6, 6.1, 5.2, 4.6, 4.1, 5.0, 3.6, 3.8, 3.0, 3.2, 2.8,
            3.3, 2.2, 0.02, 1.7, 1.6, 2.2, 1.6, 1.3, 1.1, 1.1, 0.9, 0.7, 0.7, 1.0, 0.5, 0.01, 0.3, 0.01, 0.01, 5.5, 0.8,
            0.6, 0.05, 0.005};
    private static final double[] RU_FREQ = {10.97, 8.01, 8.45, 6.70, 7.35, 6.26, 4.73, 5.47, 4.54, 4.40, 3.49, 3.21,
            2.98, 2.81, 2.62, 2.01, 1.90, 1.74, 1.70, 1.65, 1.59, 1.44, 1.21, 0.97, 0.94, 0.73, 0.64, 0.48, 0.36, 0.32,
            0.26, 0.04, 0.04, 0.02, 0.005, 0.005, 0.005, 0.005};
    private static final double[] BG_FREQ = {9.1, 8.9, 8.3, 6.8, 8.2, 7.0, 4.8, 4.6, 4.2, 3.4, 3.5, 2.8, 3.2, 3.0,
            1.4, 2.0, 0.01, 0.05, 1.7, 1.8, 1.3, 1.5, 0.6, 0.9, 0.6, 0.5, 0.2, 0.6, 0.7, 0.01, 0.3, 2.4, 0.01, 0.01,
            0.005, 0.005, 0.005, 0.1};
    private static final double[][] LOG_FREQ = new double[3][0x100];

    static {
        double[][] freq = {UK_FREQ, BG_FREQ, RU_FREQ};
        for (int l = 0; l < 3; l++) {
            java.util.Arrays.fill(LOG_FREQ[l], Math.log(0.005 / 100));
            for (int i = 0; i < UNIGRAM_LETTERS.length(); i++) {
                LOG_FREQ[l][UNIGRAM_LETTERS.charAt(i) - 0x400] = Math.log(freq[l][i] / 100);
            }
        }
    }

    private static int longestFunctionWord;

    private static void words(Language lang, String list) {
        for (String w : list.split(" ")) {
            FUNCTION_WORDS.put(w, lang);
            longestFunctionWord = Math.max(longestFunctionWord, w.length());
        }
    }

    /** Creates a detector (stateless; the word lists are shared). */
    public LanguageDetector() {
        // nothing to set up
    }

    /**
     * @param text a text
     * @return its language, {@link Language#OTHER} if it has no letters
     */
    public Language detect(CharSequence text) {
        return detect(text, null);
    }

    /**
     * @param text a text
     * @param declared a declared language code (e.g. the HTML {@code lang} attribute), or {@code null}
     * @return its language
     */
    public Language detect(CharSequence text, String declared) {
        Evidence e = new Evidence();
        int n = Math.min(text.length(), MAX_CHARS);
        char[] word = new char[64];
        int len = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isLetter(c) || (len > 0 && isApostrophe(c) && i + 1 < n && Character.isLetter(text.charAt(i + 1)))) {
                if (len == word.length) {
                    word = java.util.Arrays.copyOf(word, len * 2);
                }
                word[len++] = c;
            } else if (len > 0) {
                e.word(word, len);
                len = 0;
            }
        }
        Language fromText = e.decide();
        Language hint = declared == null || declared.isBlank() ? null : Language.fromCode(declared);
        if (hint == null || hint == Language.OTHER || hint == fromText) {
            return fromText;
        }
        return e.conclusive() ? fromText : hint;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || TextNormalizer.APOSTROPHES.indexOf(c) >= 0;
    }

    /** Counts gathered over the words of one text. */
    private static final class Evidence {
        int cyrillic;
        int latin;
        int otherLetters;
        double uk;
        double bg;
        double ru;
        double en;
        int otherCyrillic;
        int latinWords;
        int words;
        double best;
        double second;
        double llUk;
        double llBg;
        double llRu;

        void word(char[] w, int len) {
            words++;
            Homoglyphs.foldMixedWord(w, 0, len, false);
            boolean hasCyr = false;
            boolean hasLatin = false;
            for (int i = 0; i < len; i++) {
                char c = Character.toLowerCase(w[i]);
                w[i] = c;
                if (Homoglyphs.isCyrillic(c)) {
                    hasCyr = true;
                    cyrillic++;
                    int k = c - 0x400;
                    if (k >= 0 && k < 0x100) {
                        llUk += LOG_FREQ[0][k];
                        llBg += LOG_FREQ[1][k];
                        llRu += LOG_FREQ[2][k];
                    }
                    switch (c) {
                        case 'і' -> uk += 1.5;
                        case 'ї', 'є', 'ґ' -> uk += 3;
                        case 'ы', 'э', 'ё' -> ru += 3;
                        case 'ѝ' -> bg += 3;
                        case 'ъ' -> {
                            // Russian writes ъ only after a prefix before е, ё, ю, я
                            char next = i + 1 < len ? Character.toLowerCase(w[i + 1]) : ' ';
                            if (next == 'е' || next == 'ё' || next == 'ю' || next == 'я') {
                                ru += 0.5;
                            } else {
                                bg += 3;
                            }
                        }
                        case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ', 'ѓ', 'ќ', 'ѕ', 'ў' -> otherCyrillic++;
                        default -> {
                        }
                    }
                } else if (Homoglyphs.isLatin(c)) {
                    hasLatin = true;
                    latin++;
                } else if (isApostrophe(c)) {
                    if (i > 0 && i < len - 1) {
                        uk += 2;
                    }
                } else {
                    otherLetters++;
                }
            }
            if (hasLatin && !hasCyr) {
                latinWords++;
            }
            if (len <= longestFunctionWord) {
                Language l = FUNCTION_WORDS.get(new String(w, 0, len));
                if (l != null) {
                    switch (l) {
                        case UK -> uk += 2;
                        case BG -> bg += 2;
                        case RU -> ru += 2;
                        case EN -> en += 1;
                        default -> {
                        }
                    }
                }
            }
        }

        Language decide() {
            int letters = cyrillic + latin + otherLetters;
            if (letters == 0) {
                return Language.OTHER;
            }
            if (cyrillic >= latin && cyrillic >= otherLetters || cyrillic >= 0.3 * letters && cyrillic >= 200) {
                double other = otherCyrillic * 3.0;
                Language lang = Language.UK;
                best = uk;
                second = Math.max(bg, Math.max(ru, other));
                if (bg > best) {
                    second = Math.max(uk, Math.max(ru, other));
                    best = bg;
                    lang = Language.BG;
                }
                if (ru > best) {
                    second = Math.max(uk, Math.max(bg, other));
                    best = ru;
                    lang = Language.RU;
                }
                if (other > best) {
                    second = Math.max(uk, Math.max(bg, ru));
                    best = other;
                    lang = Language.OTHER;
                }
                if (lang != Language.OTHER && !conclusive()) {
                    // statistical fallback: letter likelihoods, with the letter and word evidence as a prior
                    double sUk = llUk + uk;
                    double sBg = llBg + bg;
                    // Russian running text nearly always shows ы, э, ё or a Russian function word
                    double sRu = ru > 0 ? llRu + ru : Double.NEGATIVE_INFINITY;
                    if (sUk >= sBg && sUk >= sRu) {
                        return Language.UK;
                    }
                    return sBg >= sRu ? Language.BG : Language.RU;
                }
                if (best == 0) {
                    return Language.OTHER;
                }
                return lang;
            }
            if (latin >= otherLetters) {
                int latinWordsSafe = Math.max(1, latinWords);
                best = en;
                second = 0;
                return en >= 2 && en >= 0.08 * latinWordsSafe ? Language.EN : Language.OTHER;
            }
            return Language.OTHER;
        }

        boolean conclusive() {
            return best >= 6 && best >= 2 * second;
        }
    }
}
