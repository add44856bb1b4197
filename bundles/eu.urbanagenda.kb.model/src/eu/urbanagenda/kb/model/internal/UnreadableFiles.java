package eu.urbanagenda.kb.model.internal;

import java.io.CharConversionException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.resource.Resource;
import org.xml.sax.SAXParseException;

/**
 * Says in words why the parser stopped before the end of a knowledge-base file: cut off, invalid UTF-8, a DOCTYPE,
 * not well-formed XML — with the line and column, and never a Java class name. Works from the file's bytes and
 * from how far the load got, since the parser's own messages are often about the symptom (an "entity" for a file
 * that simply ends, a class name for a bad byte).
 */
public final class UnreadableFiles {

    /** Why a file could not be read, and where (1-based; 0 when unknown). */
    public record Reason(int line, int column, String words) {
    }

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    private UnreadableFiles() {
    }

    /**
     * @param bytes   the whole file
     * @param failure what the load threw (may be null when the parser just stopped)
     * @param state   how far the load got
     */
    public static Reason explain(byte[] bytes, Throwable failure, Resource resource, LoadState state) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new Reason(1, 1, bytes.length == 0 ? "the file is empty" : "the file holds only white space");
        }
        boolean badBytes = find(failure, CharConversionException.class) != null;
        Utf8Error utf8 = badBytes || declaresUtf8(text) ? firstUtf8Error(bytes) : null;
        SAXParseException parse = parseError(failure, resource);
        boolean parseErrorFirst = parse != null && parse.getLineNumber() > 0 && utf8 != null && parse.getLineNumber() < utf8.line();
        if (utf8 != null && !parseErrorFirst) {
            if (utf8.truncatedAtEnd()) {
                return endsEarly(utf8.line(), utf8.column(), state, "in the middle of a character");
            }
            return new Reason(utf8.line(), utf8.column(), String.format(Locale.ROOT,
                "invalid UTF-8 byte 0x%02X at line %d, column %d (the file is damaged there, or was saved in another encoding)",
                utf8.value(), utf8.line(), utf8.column()));
        }
        if (parse != null) {
            int line = Math.max(0, parse.getLineNumber());
            int column = Math.max(0, parse.getColumnNumber());
            if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY") || String.valueOf(parse.getMessage()).contains("DOCTYPE")) {
                return new Reason(line, column, "DTDs and entity declarations are refused (they allow external entities and"
                    + " entity expansion): the file has a <!DOCTYPE> at line " + line);
            }
            if (endsInUnfinishedMarkup(text, line, column)) {
                return endsEarly(line, column, state, null);
            }
            String limit = parserLimit(parse.getMessage());
            if (limit != null) {
                return new Reason(line, column, "the file goes beyond a safety limit of the XML parser at line " + line + ", column "
                    + column + ": " + limit);
            }
            return new Reason(line, column, "not well-formed XML at line " + line + ", column " + column + ": " + words(parse.getMessage()));
        }
        if (badBytes) {
            return new Reason(0, 0, "a byte sequence that is not valid in the file's declared encoding: " + words(failure.getMessage()));
        }
        LoadState.OpenElement open = state.innermostOpen();
        int line = open == null ? 0 : open.line();
        return new Reason(line, 0, "the file does not have the form of a knowledge base"
            + (open == null ? "" : " (the loader stopped inside <" + open.name() + "> of line " + line + ")")
            + (failure == null || failure.getMessage() == null ? "" : ": " + words(failure.getMessage())));
    }

    private static Reason endsEarly(int line, int column, LoadState state, String where) {
        LoadState.OpenElement open = state.innermostOpen();
        String inside = open == null ? "before the knowledge base begins"
            : "inside <" + open.name() + (open.id() == null ? "" : " id=\"" + open.id() + "\"") + "> of line " + open.line();
        return new Reason(line, column, "the file ends at line " + line + (where == null ? "" : " " + where) + ", " + inside
            + " — it was probably cut off (an interrupted copy, a full disk or a crash of another program)");
    }

    /** The parser's own sentence, without the class names some of its messages start with. */
    public static String words(String message) {
        if (message == null) {
            return "";
        }
        return CLASS_NAME.matcher(message).replaceAll("").strip();
    }

    private static boolean declaresUtf8(String text) {
        int end = text.indexOf("?>");
        if (!text.startsWith("<?xml") || end < 0) {
            return true; // no declaration: XML's default is UTF-8
        }
        String declaration = text.substring(0, end).toLowerCase(Locale.ROOT);
        return !declaration.contains("encoding") || declaration.contains("utf-8") || declaration.contains("utf8");
    }

    /**
     * Whether the parser stopped in the last, unfinished piece of the file: no markup is closed ('>') after the place
     * of the error. A file that ends early fails there (in a tag, a value, an end tag's name); a malformed file
     * fails where the damage is, with whole markup after it.
     */
    private static boolean endsInUnfinishedMarkup(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return true; // the parser counted a line past the end
            }
            offset = next + 1;
        }
        offset = Math.min(text.length(), offset + Math.max(0, column - 1));
        return text.indexOf('>', offset) < 0;
    }

    /** The JDK parser's own limits (attributes per element, nesting depth, entity sizes), in words, or null. */
    private static String parserLimit(String message) {
        if (message == null || !message.contains("JAXP")) {
            return null;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("entitysizelimit")) {
            return "too much text comes from references such as &amp;amp; in one place";
        }
        if (lower.contains("elementattributelimit")) {
            return "an element has more attributes than the parser reads";
        }
        if (lower.contains("maxelementdepth")) {
            return "elements are nested deeper than the parser reads";
        }
        return "a limit of the XML parser was exceeded";
    }

    private static SAXParseException parseError(Throwable failure, Resource resource) {
        SAXParseException found = find(failure, SAXParseException.class);
        if (found != null) {
            return found;
        }
        if (resource != null) {
            for (Resource.Diagnostic diagnostic : resource.getErrors()) {
                if (diagnostic instanceof Throwable t && (found = find(t, SAXParseException.class)) != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof org.xml.sax.SAXException sax && sax.getException() != null && sax.getException() != t.getCause()) {
                T inner = find(sax.getException(), type);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The first byte that is not part of well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates). */
    record Utf8Error(int line, int column, int value, boolean truncatedAtEnd) {
    }

    static Utf8Error firstUtf8Error(byte[] bytes) {
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int length;
            int min;
            if (b < 0x80) {
                if (b == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                i++;
                continue;
            } else if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                min = 0x10000;
            } else {
                return new Utf8Error(line, column, b, false);
            }
            if (i + length > bytes.length) {
                boolean continuations = true;
                for (int k = i + 1; k < bytes.length; k++) {
                    continuations &= (bytes[k] & 0xc0) == 0x80;
                }
                return new Utf8Error(line, column, b, continuations);
            }
            int codePoint = b & (0xff >> (length + 1));
            for (int k = 1; k < length; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return new Utf8Error(line, column, c, false);
                }
                codePoint = (codePoint << 6) | (c & 0x3f);
            }
            if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                return new Utf8Error(line, column, b, false);
            }
            i += length;
            column++;
        }
        return null;
    }
}
