package eu.urbanagenda.kb.index.internal;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

import eu.urbanagenda.kb.index.QuerySyntaxException;

/** Turns the classic query parser's errors into messages for people, with the character position. */
public final class SyntaxErrors {

    private static final Pattern LEXICAL = Pattern.compile("line (\\d+), column (\\d+)");

    private SyntaxErrors() {
    }

    /**
     * @param query the query
     * @param e the parser's error
     * @return a {@link QuerySyntaxException} with a readable message and the 0-based position
     */
    public static QuerySyntaxException of(String query, ParseException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ParseException pe && pe.currentToken != null) {
            Token next = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
            if (next.kind == QueryParserConstants.EOF) {
                int pos = query.stripTrailing().length();
                String missing = expects(pe, ")") ? "a closing parenthesis \")\""
                        : "a search term after the last operator or field name";
                return error(query, pos, "The query ends too early: " + missing + " is missing at the end");
            }
            int pos = position(query, next.beginLine, next.beginColumn);
            String what = next.image == null || next.image.isEmpty() ? "this" : "\"" + next.image + "\"";
            String hint = ")".equals(next.image) ? " (there is no opening parenthesis for it)"
                    : isOperator(next.image) ? " (an operator needs a term on both sides)" : "";
            return error(query, pos, "Unexpected " + what + " at position " + (pos + 1) + hint);
        }
        if (cause instanceof TokenMgrError tme) {
            String msg = String.valueOf(tme.getMessage());
            Matcher m = LEXICAL.matcher(msg);
            int pos = m.find() ? position(query, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : -1;
            if (msg.contains("<EOF>")) {
                int[] open = unclosed(query);
                if (open[0] == '"') {
                    return error(query, open[1], "The phrase starting at position " + (open[1] + 1)
                            + " has no closing quote (\")");
                }
                if (open[0] == '/') {
                    return error(query, open[1], "The regular expression starting at position " + (open[1] + 1)
                            + " has no closing slash (/); to search for a slash itself, write \\/");
                }
                if (open[0] == '\\') {
                    return error(query, open[1], "The query ends with a backslash (\\), which would make the "
                            + "next character plain text; to search for a backslash itself, write \\\\");
                }
                int caret = badWeight(query);
                if (caret >= 0) {
                    return error(query, caret, "The weight after ^ at position " + (caret + 1) + " must be a number, "
                            + "e.g. громада^2");
                }
                return error(query, Math.max(0, query.length() - 1), "The query ends too early");
            }
            int at = Math.max(0, Math.min(pos, query.length() - 1));
            String what = query.isEmpty() ? "" : " \"" + query.charAt(at) + "\"";
            return error(query, at, "Unexpected character" + what + " at position " + (at + 1)
                    + "; put it between quotes or after a backslash (\\) to search for it");
        }
        String msg = cause.getMessage() == null || cause.getMessage().startsWith("Cannot parse")
                ? "The query cannot be read" : cause.getMessage().strip();
        if (msg.startsWith("Fractional edit distances") || msg.startsWith("Minimum similarity for a FuzzyQuery")) {
            int tilde = query.indexOf('~');
            return error(query, tilde, "A fuzzy term takes the number of letters that may differ after ~: 0, 1 or "
                    + "2 (e.g. громада~1)" + (tilde >= 0 ? ", not what follows ~ at position " + (tilde + 1) : ""));
        }
        return new QuerySyntaxException(msg.endsWith(".") ? msg : msg + ".", query, -1);
    }

    private static QuerySyntaxException error(String query, int pos, String message) {
        return new QuerySyntaxException(message + ".", query, pos);
    }

    private static boolean expects(ParseException pe, String image) {
        if (pe.expectedTokenSequences == null || pe.tokenImage == null) {
            return false;
        }
        for (int[] seq : pe.expectedTokenSequences) {
            if (seq.length > 0 && ("\"" + image + "\"").equals(pe.tokenImage[seq[0]])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOperator(String image) {
        return "AND".equals(image) || "OR".equals(image) || "NOT".equals(image) || "&&".equals(image)
                || "||".equals(image);
    }

    /** Lucene's character stream reports line 1 and the 0-based character offset as the column. */
    static int position(String query, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int nl = query.indexOf('\n', offset);
            if (nl < 0) {
                break;
            }
            offset = nl + 1;
        }
        return Math.max(0, Math.min(query.length(), offset + column));
    }

    /** @return the position of a ^ not followed by a number (outside quotes), or -1 */
    private static int badWeight(String query) {
        return firstUnquoted(query, i -> query.charAt(i) == '^'
                && (i + 1 >= query.length() || !Character.isDigit(query.charAt(i + 1))));
    }

    /**
     * @param query a query
     * @param test asked of each position of a character that is neither escaped nor between quotes, in order
     * @return the first position for which the test holds, or -1
     */
    static int firstUnquoted(String query, IntPredicate test) {
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && test.test(i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return what is left open at the end of the query, as {kind, position}: a phrase ({@code "}), a regular
     *         expression ({@code /}), an escape ({@code \}), or {0, -1}
     */
    private static int[] unclosed(String query) {
        char open = 0;
        int at = -1;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                if (i + 1 >= query.length()) {
                    return new int[] {'\\', i};
                }
                i++;
            } else if (open == 0 && (c == '"' || c == '/')) {
                open = c;
                at = i;
            } else if (c == open) {
                open = 0;
                at = -1;
            }
        }
        return new int[] {open, at};
    }
}
