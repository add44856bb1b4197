package eu.urbanagenda.kb.ingest.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.urbanagenda.kb.analysis.text.Homoglyphs;

/**
 * Finds a publication date: parses metadata values (ISO 8601, PDF dates) and looks for the first complete date in the
 * first lines of a text ("2021-10-19", "19.10.2021", "19 жовтня 2021 року", "5 ноември, 2020", "October 19, 2021").
 * Years outside 1990..next year are ignored (they are usually historical dates, not publication dates).
 */
public final class DateSniffer {

    /** How far into a text a date is looked for. */
    public static final int HEAD_CHARS = 600;

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Pattern ISO = Pattern.compile("(?<![\\d.])((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})[./](\\d{1,2})[./]((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s+(\\p{L}{3,12})\\.?,?\\s+((?:19|20)\\d\\d)(?!\\d)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(\\p{L}{3,9})\\.?\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)(?!\\d)", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * A way of writing a date: which groups of its pattern hold the year, the month (a number, or a name when
     * {@code monthNamed}) and the day.
     */
    private record Written(Pattern pattern, int year, int month, int day, boolean monthNamed) {

        /** @return the date {@code m} found, or {@code null} if it is no date */
        LocalDate date(Matcher m) {
            String monthNumber = m.group(month);
            if (monthNamed) {
                Integer named = MONTHS.get(monthNumber.toLowerCase(Locale.ROOT));
                if (named == null) {
                    return null;
                }
                monthNumber = named.toString();
            }
            return DateSniffer.date(m.group(year), monthNumber, m.group(day));
        }
    }

    /** The ways of writing a date looked for in a text. */
    private static final List<Written> WRITTEN = List.of(new Written(ISO, 1, 2, 3, false),
            new Written(DOTTED, 3, 2, 1, false), new Written(DAY_MONTH_YEAR, 3, 2, 1, true),
            new Written(MONTH_DAY_YEAR, 3, 1, 2, true));

    static {
        months("січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня");
        months("січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень");
        months("януари февруари март април май юни юли август септември октомври ноември декември");
        months("января февраля марта апреля мая июня июля августа сентября октября ноября декабря");
        months("january february march april may june july august september october november december");
        months("jan feb mar apr may jun jul aug sep oct nov dec");
    }

    private static void months(String names) {
        String[] n = names.split(" ");
        for (int i = 0; i < n.length; i++) {
            MONTHS.put(n[i], i + 1);
        }
    }

    private DateSniffer() {
    }

    /**
     * @param value a metadata value such as {@code 2021-10-19}, {@code 2021-10-19T08:00:00+03:00} or
     *            {@code D:20211019080000}
     * @return the date, or {@code null}
     */
    public static LocalDate parseMetadata(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("D:")) {
            v = v.substring(2);
        }
        if (v.matches("\\d{8}.*")) {
            return date(v.substring(0, 4), v.substring(4, 6), v.substring(6, 8));
        }
        Matcher m = ISO.matcher(v);
        if (m.find() && m.start() == 0) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return findIn(v);
    }

    /**
     * @param text a text
     * @return the first plausible complete date in its first {@value #HEAD_CHARS} characters, or {@code null}
     */
    public static LocalDate findIn(CharSequence text) {
        String head = fold(text.subSequence(0, Math.min(text.length(), HEAD_CHARS)));
        LocalDate best = null;
        int bestStart = Integer.MAX_VALUE;
        for (Written written : WRITTEN) {
            Matcher m = written.pattern().matcher(head);
            while (m.find() && m.start() < bestStart) {
                LocalDate d = written.date(m);
                if (d != null) {
                    best = d;
                    bestStart = m.start();
                }
            }
        }
        return best;
    }

    private static String fold(CharSequence s) {
        char[] c = s.toString().toCharArray();
        int start = -1;
        for (int i = 0; i <= c.length; i++) {
            boolean letter = i < c.length && Character.isLetter(c[i]);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                Homoglyphs.foldMixedWord(c, start, i - start, false);
                start = -1;
            }
        }
        return new String(c);
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year < 1990 || year > LocalDate.now().getYear() + 1) {
                return null;
            }
            return LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
