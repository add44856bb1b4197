package eu.urbanagenda.kb.analysis;

import java.text.Normalizer;

/**
 * Latin transliteration of Cyrillic, and the search key that lets differently transliterated spellings meet.
 * <ul>
 * <li>{@link #ukrainian(String)}: the Ukrainian national system of 2010 (Cabinet of Ministers resolution 55): г→h,
 * ґ→g, и→y, х→kh, ц→ts, щ→shch, є/ї/й/ю/я → ye/yi/y/yu/ya at the start of a word and ie/i/i/iu/ia elsewhere, зг→zgh,
 * ь and the apostrophe omitted.</li>
 * <li>{@link #bulgarian(String)}: the Bulgarian system of 2009 (Transliteration Act): и→i, й→y, х→h, ц→ts, щ→sht,
 * ъ→a, ь→y, ю→yu, я→ya, and -ия at the end of a word → -ia.</li>
 * <li>{@link #searchKey(String)}: a folding of Latin spellings under which the variants people actually type meet:
 * y/i/j are one letter, g/h/kh one, ts/tz/c one, ch/cz/č one, sh/š one, zh/ž one, shch/sch/sht one, doubled letters
 * and runs of i are single (a run of three or more of another letter stays). So {@code hromada}, {@code gromada};
 * {@code tsyfrova}, {@code cyfrova}; {@code transformatsiia}, {@code transformatsiya}, {@code transformacija};
 * {@code sofiya}, {@code sofia} meet.</li>
 * </ul>
 */
public final class Transliteration {

    private static final String CYR = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяъыэёѝў";
    private static final String[] UK = {"a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l",
            "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "a", "y", "e",
            "io", "i", "u"};
    private static final String[] UK_INITIAL = {"a", "b", "v", "h", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi",
            "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "yu", "ya",
            "a", "y", "e", "yo", "i", "u"};
    private static final String[] BG = {"a", "b", "v", "g", "g", "d", "e", "ye", "zh", "z", "i", "i", "yi", "y", "k",
            "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "y", "yu", "ya", "a", "y",
            "e", "yo", "i", "u"};

    private Transliteration() {
    }

    /**
     * @param text Cyrillic text
     * @return its transliteration by the Ukrainian national system of 2010 (other characters unchanged)
     */
    public static String ukrainian(String text) {
        return transliterate(text, true, (i, k) -> {
            boolean initial = i == 0 || !Character.isLetter(text.charAt(i - 1)) && !isApostrophe(text.charAt(i - 1));
            if (CYR.charAt(k) == 'г' && i > 0 && Character.toLowerCase(text.charAt(i - 1)) == 'з') {
                return "gh";
            }
            return initial ? UK_INITIAL[k] : UK[k];
        });
    }

    /**
     * @param text Cyrillic text
     * @return its transliteration by the Bulgarian system of 2009 (other characters unchanged)
     */
    public static String bulgarian(String text) {
        return transliterate(text, false, (i, k) -> {
            boolean endOfWord = i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1));
            if (CYR.charAt(k) == 'я' && endOfWord && i > 0 && Character.toLowerCase(text.charAt(i - 1)) == 'и') {
                return "a";
            }
            return BG[k];
        });
    }

    /** The Latin of one letter of a system. */
    @FunctionalInterface
    private interface Letter {
        /** @param i where the letter is in the text @param k its place in {@link #CYR} @return its Latin */
        String latin(int i, int k);
    }

    /** Replaces each Cyrillic letter by its Latin (capitalised like the letter); apostrophes are dropped or kept. */
    private static String transliterate(String text, boolean dropApostrophes, Letter letter) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int k = CYR.indexOf(Character.toLowerCase(c));
            if (k >= 0) {
                append(b, letter.latin(i, k), c, text, i);
            } else if (!dropApostrophes || !isApostrophe(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC';
    }

    private static void append(StringBuilder b, String t, char c, String text, int i) {
        if (t.isEmpty() || !Character.isUpperCase(c)) {
            b.append(t);
            return;
        }
        boolean neighbourUpper = i + 1 < text.length() && Character.isUpperCase(text.charAt(i + 1))
                || i > 0 && Character.isUpperCase(text.charAt(i - 1));
        if (neighbourUpper) {
            b.append(t.toUpperCase(java.util.Locale.ROOT));
        } else {
            b.append(Character.toUpperCase(t.charAt(0))).append(t, 1, t.length());
        }
    }

    /**
     * @param word one word, Cyrillic or Latin
     * @return its search key: Cyrillic is transliterated (Bulgarian system for words with ъ or ѝ, Ukrainian
     *         otherwise), then folded as described in the class comment; {@code null} if the word has no letters
     */
    public static String searchKey(String word) {
        return searchKey(word, false);
    }

    /**
     * @param word one word, Cyrillic or Latin
     * @param stem whether common inflectional endings are removed too
     * @return the search key, or {@code null} if the word has no letters or digits
     */
    public static String searchKey(String word, boolean stem) {
        String latin = word;
        boolean cyrillic = false;
        boolean bg = false;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (c >= '\u0400' && c <= '\u04FF') {
                cyrillic = true;
                bg |= c == 'ъ' || c == 'ѝ';
            }
        }
        if (cyrillic) {
            latin = bg ? bulgarian(word) : ukrainian(word);
        }
        String key = fold(latin);
        if (key.isEmpty()) {
            return null;
        }
        return stem ? stripEnding(key) : key;
    }

    /** Letter groups folded into one letter, a longer group before any it starts with. */
    private static final String[] DIGRAPHS = {"shch", "sch", "sht", "zh", "kh", "ch", "cz", "sh", "ts", "tz", "ph"};
    /** The letter each of {@link #DIGRAPHS} folds into. */
    private static final String DIGRAPH_LETTERS = "xxxjgqqwccf";

    /** @return the index in {@link #DIGRAPHS} of the group at {@code i}, or -1 */
    private static int digraphAt(String s, int i) {
        for (int k = 0; k < DIGRAPHS.length; k++) {
            if (s.startsWith(DIGRAPHS[k], i)) {
                return k;
            }
        }
        return -1;
    }

    /** Folds a Latin spelling (see the class comment); drops everything but letters and digits. */
    static String fold(String latin) {
        String s = latin.toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int digraph = digraphAt(s, i);
            if (digraph >= 0) {
                b.append(DIGRAPH_LETTERS.charAt(digraph));
                i += DIGRAPHS[digraph].length();
            } else {
                i++;
                switch (c) {
                    case 'h', 'g' -> b.append('g');
                    case 'y', 'j', 'i' -> b.append('i');
                    case 'w' -> b.append('v');
                    case 'x' -> b.append("ks");
                    case 'q' -> b.append('k');
                    case 'š' -> b.append('w');
                    case 'č', 'ć' -> b.append('q');
                    case 'ž' -> b.append('j');
                    case 'ł' -> b.append('l');
                    default -> {
                        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                            b.append(c);
                        } else if (c > 0x7F && Character.isLetter(c)) {
                            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                            char first = base.charAt(0);
                            if (first >= 'a' && first <= 'z') {
                                b.append(first == 'y' || first == 'j' ? 'i' : first == 'h' ? 'g' : first);
                            } else {
                                b.append(c);
                            }
                        }
                    }
                }
            }
        }
        // doubled letters are single, and so is any run of i (y, i and j meet there: svoyiy, svoii); a longer run of
        // another letter is no spelling variant and stays (aaaa is not а)
        StringBuilder out = new StringBuilder(b.length());
        for (int k = 0; k < b.length();) {
            int run = 1;
            while (k + run < b.length() && b.charAt(k + run) == b.charAt(k)) {
                run++;
            }
            for (int n = run == 2 || b.charAt(k) == 'i' ? 1 : run; n > 0; n--) {
                out.append(b.charAt(k));
            }
            k += run;
        }
        return out.toString();
    }

    /** Endings in folded form, longest first: Ukrainian and Bulgarian noun and adjective endings. */
    private static final String[] ENDINGS = {"iami", "ieiu", "ami", "imi", "iag", "iam", "oiu", "eiu", "ogo", "omu",
            "ego", "emu", "ite", "ove", "ata", "oto", "iat", "ag", "am", "ig", "im", "iv", "ov", "om", "em", "oi", "ei",
            "ia", "iu", "ie", "at", "ta", "to", "te", "a", "o", "e", "i", "u"};

    /** Removes one common inflectional ending, keeping at least three characters (and a final i after it). */
    static String stripEnding(String key) {
        for (String e : ENDINGS) {
            if (key.length() - e.length() >= 3 && key.endsWith(e)) {
                String s = key.substring(0, key.length() - e.length());
                return s.length() > 4 && s.endsWith("i") ? s.substring(0, s.length() - 1) : s;
            }
        }
        return key;
    }
}
