package eu.urbanagenda.kb.analysis.text;

import java.text.Normalizer;

/**
 * Text normalisation shared by ingestion and analysis.
 * <ul>
 * <li>{@link #forDisplay(String)}: what is stored: NFC, LF line ends, no byte order mark or control characters.</li>
 * <li>{@link #forMatching(String)}: what is compared: additionally without soft hyphens, zero-width characters and
 * combining stress accents (U+0301, U+0300), with every apostrophe variant as {@code '}. The index analyzers do the
 * same with offset-preserving character filters, so highlights still point into the display text.</li>
 * </ul>
 */
public final class TextNormalizer {

    /** Characters equivalent to the apostrophe in Ukrainian words (’ ‘ ʼ ` ´ ′). */
    public static final String APOSTROPHES = "\u2019\u2018\u02BC`\u00B4\u2032";

    private TextNormalizer() {
    }

    /**
     * @param text raw decoded text
     * @return NFC text with LF line ends, without a leading byte order mark, NUL and other C0/C1 control characters
     *         (tab, line feed and form feed are kept)
     */
    public static String forDisplay(String text) {
        String s = text;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (needsCleaning(s)) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r') {
                    b.append('\n');
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                } else if (!isDropped(c)) {
                    b.append(c);
                }
            }
            s = b.toString();
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static boolean needsCleaning(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || isDropped(c)) {
                return true;
            }
        }
        return false;
    }

    /** Control characters other than tab, line feed and form feed. */
    private static boolean isDropped(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\f' || c >= 0x7F && c < 0xA0;
    }

    /**
     * @param text display text
     * @return the text as the analyzers see it: soft hyphens, zero-width characters and combining stress accents
     *         removed, apostrophe variants replaced by {@code '}
     */
    public static String forMatching(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isIgnorable(c)) {
                continue;
            }
            b.append(APOSTROPHES.indexOf(c) >= 0 ? '\'' : c);
        }
        return b.toString();
    }

    /**
     * @param c a character
     * @return whether matching ignores it: soft hyphen, zero-width (non-)joiner/space, word joiner, BOM, combining
     *         acute and grave accents (stress marks)
     */
    public static boolean isIgnorable(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                || c == '\u0301' || c == '\u0300';
    }
}
