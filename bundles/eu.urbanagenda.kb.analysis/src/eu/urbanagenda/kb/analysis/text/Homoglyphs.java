package eu.urbanagenda.kb.analysis.text;

/**
 * Latin letters that look like Cyrillic ones. Some web texts replace Cyrillic letters by Latin look-alikes (e.g.
 * "Oкoнчaтeлнитe" with Latin o, a, e); this class maps them back in words that also contain Cyrillic letters.
 */
public final class Homoglyphs {

    private static final char[] MAP = new char[128];

    static {
        String latin = "aceopxyABCEHKMOPTXk";
        String cyr = "асеорхуАВСЕНКМОРТХк";
        for (int i = 0; i < latin.length(); i++) {
            MAP[latin.charAt(i)] = cyr.charAt(i);
        }
    }

    private Homoglyphs() {
    }

    /**
     * @param c a character
     * @param ukrainian whether Latin i/I may stand for Ukrainian і/І
     * @return the Cyrillic look-alike of a Latin letter, or 0 if it has none
     */
    public static char cyrillicFor(char c, boolean ukrainian) {
        if (c < 128) {
            if (ukrainian && c == 'i') {
                return 'і';
            }
            if (ukrainian && c == 'I') {
                return 'І';
            }
            return MAP[c];
        }
        return 0;
    }

    /**
     * @param c a character
     * @return whether {@code c} is a Cyrillic letter
     */
    public static boolean isCyrillic(char c) {
        return c >= '\u0400' && c <= '\u04FF' && Character.isLetter(c);
    }

    /**
     * @param c a character
     * @return whether {@code c} is a basic Latin letter
     */
    public static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Replaces Latin look-alikes by Cyrillic letters in a word that mixes both scripts, when every Latin letter of the
     * word has a look-alike.
     *
     * @param word the characters of one word; changed in place
     * @param offset start of the word
     * @param length length of the word
     * @param ukrainian whether Latin i/I may stand for Ukrainian і/І
     * @return whether the word was changed
     */
    public static boolean foldMixedWord(char[] word, int offset, int length, boolean ukrainian) {
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = offset; i < offset + length; i++) {
            char c = word[i];
            if (isCyrillic(c)) {
                cyrillic = true;
            } else if (isLatin(c)) {
                if (cyrillicFor(c, ukrainian) == 0) {
                    return false;
                }
                latin = true;
            }
        }
        if (!cyrillic || !latin) {
            return false;
        }
        for (int i = offset; i < offset + length; i++) {
            char r = cyrillicFor(word[i], ukrainian);
            if (r != 0) {
                word[i] = r;
            }
        }
        return true;
    }

    /**
     * @param word a word of Latin letters only
     * @param ukrainian whether Latin i/I may stand for Ukrainian і/І
     * @return the word in Cyrillic look-alikes, or {@code null} if a letter has none
     */
    public static String allLookAlike(CharSequence word, boolean ukrainian) {
        char[] out = new char[word.length()];
        for (int i = 0; i < out.length; i++) {
            char r = cyrillicFor(word.charAt(i), ukrainian);
            if (r == 0) {
                return null;
            }
            out[i] = r;
        }
        return new String(out);
    }
}
