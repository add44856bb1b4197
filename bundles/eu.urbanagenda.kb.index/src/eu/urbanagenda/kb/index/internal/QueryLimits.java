package eu.urbanagenda.kb.index.internal;

import java.time.Duration;
import java.util.Locale;

import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.util.automaton.RegExp;

/**
 * The bounds of one query's work, checked before anything is built from it: query length, nesting, the size of
 * regular expressions and wildcard terms, fuzzy terms; {@link Deadline} bounds the time of parsing and searching. A
 * breach is a {@link CostlyQuery} (a ParseException the index turns into a QueryTooCostlyException) that names what
 * was too costly.
 */
public final class QueryLimits {

    /** Longest query, in characters (a pasted page of text is far shorter). */
    public static final int MAX_QUERY_LENGTH = 20_000;
    /** Deepest nesting of parentheses. */
    public static final int MAX_NESTING = 32;
    /** Longest wildcard, prefix, fuzzy or regular-expression term, in characters. */
    public static final int MAX_TERM_LENGTH = 255;
    /** Most wildcard characters (* and ?) in one term, runs of * counted once. */
    public static final int MAX_WILDCARDS = 16;
    /** Largest repetition count ({n,m}) in a regular expression. */
    public static final int MAX_REPEAT = 100;
    /** Largest estimated automaton of a regular expression, in states before determinization. */
    public static final int MAX_REGEXP_STATES = 5_000;
    /** The syntax of regular expressions: Lucene's, without named automata ({@code <name>}), which queries cannot name. */
    public static final int REGEXP_FLAGS = RegExp.ALL & ~RegExp.AUTOMATON;
    /** Work limit of determinizing a wildcard or regular-expression automaton (Lucene's default). */
    public static final int DETERMINIZE_WORK = 10_000;
    /** How long one search may take, parsing and snippets included. */
    public static final Duration TIME_BUDGET = Duration.ofSeconds(10);

    private QueryLimits() {
    }

    /** A query part beyond the bounds, with a message for the user. */
    public static final class CostlyQuery extends ParseException {
        private static final long serialVersionUID = 1L;
        private final int position;

        CostlyQuery(String message, int position) {
            super(message);
            this.position = position;
        }

        /** @return the 0-based position in the query, or -1 */
        public int position() {
            return position;
        }
    }

    /** The end of a search's time budget, for parsing and for Lucene's {@link QueryTimeout}. */
    public static final class Deadline implements QueryTimeout {
        private final long end;

        /** @param budget the time from now */
        public Deadline(Duration budget) {
            this.end = System.nanoTime() + budget.toNanos();
        }

        @Override
        public boolean shouldExit() {
            return System.nanoTime() - end > 0;
        }

        /** @return the time left, zero once it is up (for an engine that takes its own timeout) */
        public Duration remaining() {
            return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
        }

        /**
         * @throws CostlyQuery if the time is up
         */
        public void check() throws CostlyQuery {
            if (shouldExit()) {
                throw new CostlyQuery(timeUp(), -1);
            }
        }
    }

    /** @return the message of a search that ran out of time */
    public static String timeUp() {
        return "The query needs more than " + TIME_BUDGET.toSeconds() + " seconds to search; make it narrower (fewer "
                + "wildcards, longer word beginnings before *, fewer alternatives)";
    }

    /**
     * @param query the query
     * @throws CostlyQuery if it is too long
     */
    public static void checkLength(String query) throws CostlyQuery {
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new CostlyQuery(String.format(Locale.ROOT, "The query is %,d characters long; at most %,d are "
                    + "searched", query.length(), MAX_QUERY_LENGTH), MAX_QUERY_LENGTH);
        }
    }

    /**
     * @param query the query
     * @return the position of the first parenthesis nested deeper than {@link #MAX_NESTING}, or -1
     */
    public static int tooDeeplyNested(String query) {
        int[] depth = {0};
        return SyntaxErrors.firstUnquoted(query, i -> {
            char c = query.charAt(i);
            depth[0] = c == '(' ? depth[0] + 1 : c == ')' ? Math.max(0, depth[0] - 1) : depth[0];
            return depth[0] > MAX_NESTING;
        });
    }

    /**
     * @param term a wildcard or prefix term as typed
     * @return the term with runs of * made single (they mean the same)
     * @throws CostlyQuery if it is too long or has too many wildcards
     */
    public static String wildcard(String term) throws CostlyQuery {
        StringBuilder b = new StringBuilder(term.length());
        int wildcards = 0;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '\\' && i + 1 < term.length()) {
                b.append(c).append(term.charAt(++i));
                continue;
            }
            if (c == '*' && b.length() > 0 && b.charAt(b.length() - 1) == '*') {
                continue;
            }
            if (c == '*' || c == '?') {
                wildcards++;
            }
            b.append(c);
        }
        if (b.length() > MAX_TERM_LENGTH) {
            throw new CostlyQuery(tooLong("wildcard term", b.length()), -1);
        }
        if (wildcards > MAX_WILDCARDS) {
            throw new CostlyQuery(String.format(Locale.ROOT, "The wildcard term \"%s\" has %d wildcards (* and ?); "
                    + "at most %d are allowed in one term", shorten(b), wildcards, MAX_WILDCARDS), -1);
        }
        return b.toString();
    }

    /**
     * @param term a fuzzy term
     * @throws CostlyQuery if it is too long
     */
    public static void fuzzy(String term) throws CostlyQuery {
        if (term.length() > MAX_TERM_LENGTH) {
            throw new CostlyQuery(tooLong("fuzzy term", term.length()), -1);
        }
    }

    /**
     * @param regexp a regular expression (between slashes in the query)
     * @throws CostlyQuery if it is too long, repeats too often or would build too large an automaton
     * @throws ParseException if it is not a regular expression
     */
    public static void regexp(String regexp) throws ParseException {
        if (regexp.length() > MAX_TERM_LENGTH) {
            throw new CostlyQuery(tooLong("regular expression", regexp.length()), -1);
        }
        RegExp parsed;
        try {
            parsed = new RegExp(regexp, REGEXP_FLAGS);
        } catch (NumberFormatException e) {
            throw new CostlyQuery("The regular expression /" + shorten(regexp) + "/ repeats something more often "
                    + "than can be counted; at most {" + MAX_REPEAT + "} is allowed", -1);
        } catch (IllegalArgumentException e) {
            throw new ParseException("The regular expression /" + shorten(regexp) + "/ is not valid: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
        long states = states(parsed);
        if (states > MAX_REGEXP_STATES) {
            throw new CostlyQuery(String.format(Locale.ROOT, "The regular expression /%s/ is too complex to search "
                    + "(its repetitions alone would make about %s states; at most %,d): repeat less, at most {%d}",
                    shorten(regexp), states >= Long.MAX_VALUE / 4 ? "countless" : String.format(Locale.ROOT, "%,d",
                            states), MAX_REGEXP_STATES, MAX_REPEAT), -1);
        }
    }

    /** An estimate of the states of a regular expression's automaton; repetitions multiply. Saturates. */
    static long states(RegExp r) throws CostlyQuery {
        if (r == null) {
            return 0;
        }
        String kind = r.kind.name();
        long inner = add(states(r.exp1), states(r.exp2));
        switch (kind) {
            case "REGEXP_REPEAT", "REGEXP_REPEAT_MIN", "REGEXP_REPEAT_MINMAX" -> {
                int count = kind.equals("REGEXP_REPEAT_MINMAX") ? Math.max(r.min, r.max) : r.min + 1;
                if (r.min > MAX_REPEAT || kind.equals("REGEXP_REPEAT_MINMAX") && r.max > MAX_REPEAT) {
                    throw new CostlyQuery(String.format(Locale.ROOT, "A regular expression repeats something %,d "
                            + "times; at most %d are allowed", Math.max(r.min, r.max), MAX_REPEAT), -1);
                }
                return multiply(Math.max(1, inner), Math.max(1, count));
            }
            case "REGEXP_STRING" -> {
                return r.s == null ? 1 : r.s.length() + 1;
            }
            case "REGEXP_INTERVAL" -> {
                return 2L + Math.max(String.valueOf(r.min).length(), String.valueOf(r.max).length()) * 10L;
            }
            default -> {
                return add(inner, 2);
            }
        }
    }

    private static long add(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE / 2 : Math.min(s, Long.MAX_VALUE / 2);
    }

    private static long multiply(long a, long b) {
        return a > (Long.MAX_VALUE / 2) / Math.max(1, b) ? Long.MAX_VALUE / 2 : a * b;
    }

    private static String tooLong(String what, int length) {
        return String.format(Locale.ROOT, "The %s is %,d characters long; at most %d are allowed", what, length,
                MAX_TERM_LENGTH);
    }

    /** A term as shown in a message: at most 40 characters. */
    static String shorten(CharSequence s) {
        return s.length() <= 40 ? s.toString() : s.subSequence(0, 37) + "…";
    }
}
