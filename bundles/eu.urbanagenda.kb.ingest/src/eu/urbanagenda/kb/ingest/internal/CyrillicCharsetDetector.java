package eu.urbanagenda.kb.ingest.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses among the single-byte Cyrillic encodings (windows-1251, KOI8-R, ISO-8859-5, CP866) by decoding the bytes
 * with each one and scoring the result: how likely its Cyrillic letters are in Ukrainian, Russian and Bulgarian text,
 * whether words have sensible capitalisation, and how many box-drawing, control or unassigned characters appear.
 * KOI8-U is not a candidate: like common detectors, this one sees it as KOI8-R; {@link #repairKoi8u(byte[])} then tells
 * whether the bytes use the positions where KOI8-U has Ukrainian letters and KOI8-R has box-drawing characters.
 */
public final class CyrillicCharsetDetector {

    /** The candidates, in the order ties are resolved. */
    public static final List<String> CANDIDATES = List.of("windows-1251", "KOI8-R", "ISO-8859-5", "IBM866");

    /** Bytes where KOI8-U has є і ї ґ Є І Ї Ґ and KOI8-R has box-drawing characters. */
    private static final int[] KOI8U_ONLY = {0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD};

    /** Approximate letter frequencies of running Ukrainian, Russian and Bulgarian text (lower case). */
    private static final String LETTERS = "оаеинтірсвлкмдпуяз ьгбчйхжшюцщфєїыэёъґѝ";
    private static final double[] FREQ = {0.095, 0.085, 0.075, 0.065, 0.065, 0.058, 0.035, 0.048, 0.045, 0.045,
            0.040, 0.035, 0.030, 0.030, 0.028, 0.028, 0.020, 0.018, 0.0, 0.015, 0.016, 0.016, 0.013, 0.011, 0.010,
            0.009, 0.007, 0.006, 0.006, 0.004, 0.003, 0.004, 0.006, 0.010, 0.002, 0.001, 0.008, 0.0005, 0.0005};
    private static final double UNLIKELY = Math.log(0.00001);
    private static final double[] LOG_FREQ = new double[0x100];

    static {
        java.util.Arrays.fill(LOG_FREQ, UNLIKELY);
        for (int i = 0; i < LETTERS.length(); i++) {
            char c = LETTERS.charAt(i);
            if (c != ' ') {
                LOG_FREQ[c - 0x400] = Math.log(FREQ[i]);
            }
        }
    }

    private final List<Charset> charsets = new ArrayList<>();

    /** Creates a detector over the {@link #CANDIDATES} this Java runtime supports. */
    public CyrillicCharsetDetector() {
        for (String name : CANDIDATES) {
            try {
                charsets.add(Charset.forName(name));
            } catch (IllegalArgumentException e) {
                // a runtime without jdk.charsets: skip the candidate
            }
        }
    }

    /**
     * @param bytes the document's bytes (a prefix is enough)
     * @return the most plausible candidate
     */
    public Charset detect(byte[] bytes) {
        int n = Math.min(bytes.length, 64 * 1024);
        Charset best = charsets.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Charset cs : charsets) {
            String s = new String(bytes, 0, n, cs);
            double score = score(s);
            if (score > bestScore) {
                bestScore = score;
                best = cs;
            }
        }
        return best;
    }

    /**
     * The repair step for KOI8-U text detected as KOI8-R.
     *
     * @param bytes the document's bytes
     * @return whether a KOI8-U-only byte stands next to a letter (in KOI8-R these are box-drawing characters, which do
     *         not occur inside words)
     */
    public static boolean repairKoi8u(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            for (int k : KOI8U_ONLY) {
                if (b == k && (isKoi8Letter(bytes, i - 1) || isKoi8Letter(bytes, i + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isKoi8Letter(byte[] bytes, int i) {
        return i >= 0 && i < bytes.length && (bytes[i] & 0xFF) >= 0xC0;
    }

    /**
     * @param s a decoded text
     * @return a plausibility score; higher is better
     */
    static double score(String s) {
        double logp = 0;
        int cyrillic = 0;
        int upper = 0;
        int bad = 0;
        int flips = 0;
        char prev = ' ';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') {
                char lower = Character.toLowerCase(c);
                cyrillic++;
                if (lower != c) {
                    upper++;
                    if (Character.isLowerCase(prev) && Character.isLetter(prev)) {
                        flips++;
                    }
                }
                int k = lower - 0x400;
                logp += k >= 0 && k < LOG_FREQ.length ? LOG_FREQ[k] : UNLIKELY;
            } else if (c >= 0x80 && !isCommonSymbol(c)) {
                bad++;
            }
            prev = c;
        }
        double upperExcess = Math.max(0, upper - 0.25 * cyrillic);
        return logp - 8.0 * bad - 4.0 * flips - 2.0 * upperExcess + 3.0 * cyrillic;
    }

    private static boolean isCommonSymbol(char c) {
        return switch (c) {
            case '\u00A0', '\u00AB', '\u00BB', '\u2013', '\u2014', '\u2019', '\u2018', '\u201C', '\u201D', '\u201E',
                    '\u2026', '\u2116', '\u00A7', '\u00B0', '\u00A9', '\u00AE', '\u2022', '\u00B7', '\u20AC',
                    '\u02BC' -> true;
            default -> false;
        };
    }
}
