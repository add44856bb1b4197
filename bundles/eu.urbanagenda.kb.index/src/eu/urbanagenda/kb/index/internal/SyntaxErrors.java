package eu.urbanagenda.kb.index.internal;

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
                int quote = lastUnclosedQuote(query);
                if (quote >= 0) {
                    return error(query, quote, "The phrase starting at position " + (quote + 1)
                            + " has no closing quote (\")");
                }
                return error(query, Math.max(0, query.length() - 1),
                        "The query ends inside an escape (\\) or a quoted part");
            }
            return error(query, Math.max(0, pos), "Unexpected character at position " + (Math.max(0, pos) + 1));
        }
        String msg = cause.getMessage() == null ? "cannot be parsed" : cause.getMessage();
        if (msg.startsWith("Cannot parse")) {
            msg = "cannot be parsed";
        }
        return new QuerySyntaxException("Invalid query: " + msg, query, -1);
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

    private static int lastUnclosedQuote(String query) {
        int open = -1;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                open = open < 0 ? i : -1;
            }
        }
        return open;
    }
}
