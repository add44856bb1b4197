package eu.urbanagenda.kb.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.epub.EpubParser;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.mail.RFC822Parser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.microsoft.rtf.RTFParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.txt.Icu4jEncodingDetector;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.parser.txt.UniversalEncodingDetector;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import eu.urbanagenda.kb.ingest.DocumentFormat;

/**
 * Extracts the text and metadata of office documents, e-books and e-mail with Apache Tika's parsers, constructed
 * directly (no service loading, which OSGi would not see across bundles). The parser is chosen by the file's
 * container (ZIP, OLE2, RTF) where the name's format family has several: a renamed {@code .doc} that is really RTF or
 * OOXML, or a password-protected {@code .docx} (an OLE2 file), are read for what they are. Loaded only when such a
 * document is read, so that searching never loads Tika.
 */
public final class OfficeExtractor {

    /**
     * The fields of an extracted document.
     *
     * @param format the format, from the parser's content type where it tells (else the name's)
     * @param text the text
     * @param truncated whether the text was cut at the limit
     * @param title the metadata title, or {@code null}
     * @param author the author (creator, or the sender of a message), or {@code null}
     * @param description the description or subject, or {@code null}
     * @param created creation time, or {@code null}
     * @param modified modification time, or {@code null}
     * @param language the declared language, or {@code null}
     */
    public record Result(DocumentFormat format, String text, boolean truncated, String title, String author,
            String description, Instant created, Instant modified, String language) {
    }

    private static final Map<String, DocumentFormat> BY_TYPE = Map.ofEntries(
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocumentFormat.DOCX),
            Map.entry("application/vnd.ms-word.document.macroenabled.12", DocumentFormat.DOCX),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DocumentFormat.XLSX),
            Map.entry("application/vnd.ms-excel.sheet.macroenabled.12", DocumentFormat.XLSX),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", DocumentFormat.PPTX),
            Map.entry("application/vnd.ms-powerpoint.presentation.macroenabled.12", DocumentFormat.PPTX),
            Map.entry("application/msword", DocumentFormat.DOC),
            Map.entry("application/vnd.ms-excel", DocumentFormat.XLS),
            Map.entry("application/vnd.ms-powerpoint", DocumentFormat.PPT),
            Map.entry("application/vnd.ms-outlook", DocumentFormat.MSG),
            Map.entry("application/vnd.oasis.opendocument.text", DocumentFormat.ODT),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", DocumentFormat.ODS),
            Map.entry("application/vnd.oasis.opendocument.presentation", DocumentFormat.ODP),
            Map.entry("application/rtf", DocumentFormat.RTF),
            Map.entry("application/epub+zip", DocumentFormat.EPUB),
            Map.entry("message/rfc822", DocumentFormat.EML));

    /** Parsers of the parts of a document or message (bodies, attachments, embedded documents). */
    private static final Parser EMBEDDED = new AutoDetectParser(MimeTypes.getDefaultMimeTypes(), new TXTParser(),
            new JSoupParser(), new OOXMLParser(), new OfficeParser(), new OpenDocumentParser(), new RTFParser(),
            new EpubParser());

    /** Encoding detection of text parts (e-mail bodies): given here, since Tika would look it up as a service. */
    private static final EncodingDetector ENCODINGS = new CompositeEncodingDetector(List.of(new HtmlEncodingDetector(),
            new UniversalEncodingDetector(), new Icu4jEncodingDetector()));

    private OfficeExtractor() {
    }

    /**
     * @param bytes the file
     * @param named the format its name says
     * @param maxChars text beyond this is cut off
     * @return its fields
     * @throws Unreadable if it cannot be read; the message is the reason
     */
    public static Result extract(byte[] bytes, DocumentFormat named, int maxChars) throws Unreadable {
        Parser parser = parserFor(bytes, named);
        Metadata metadata = new Metadata();
        ParseContext context = new ParseContext();
        context.set(Parser.class, EMBEDDED);
        context.set(EncodingDetector.class, ENCODINGS);
        StringWriter out = new StringWriter();
        ContentHandler handler = new BodyContentHandler(new DeadlineHandler(new WriteOutContentHandler(out, maxChars)));
        boolean truncated = false;
        try (InputStream in = TikaInputStream.get(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (SAXException | TikaException | IOException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                throw new Unreadable(reason(e, named), e);
            }
        }
        DocumentFormat format = BY_TYPE.getOrDefault(baseType(metadata.get(Metadata.CONTENT_TYPE)), named);
        String author = first(metadata, TikaCoreProperties.CREATOR);
        if (author == null) {
            author = metadata.get("Message-From");
        }
        String description = first(metadata, TikaCoreProperties.DESCRIPTION);
        return new Result(format, out.toString(), truncated, first(metadata, TikaCoreProperties.TITLE), author,
                description, instant(metadata.getDate(TikaCoreProperties.CREATED)),
                instant(metadata.getDate(TikaCoreProperties.MODIFIED)), first(metadata, TikaCoreProperties.LANGUAGE));
    }

    private static Parser parserFor(byte[] bytes, DocumentFormat named) throws Unreadable {
        Container container = Container.of(bytes);
        switch (named) {
            case DOCX, XLSX, PPTX, DOC, XLS, PPT, MSG, RTF -> {
                return switch (container) {
                    case ZIP -> new OOXMLParser();
                    case OLE2 -> new OfficeParser();
                    case RTF -> new RTFParser();
                    default -> throw new Unreadable(damaged(named) + " (not a " + expected(named) + " file)", null);
                };
            }
            case ODT, ODS, ODP, EPUB -> {
                if (container != Container.ZIP) {
                    throw new Unreadable(damaged(named) + " (not a ZIP container)", null);
                }
                return named == DocumentFormat.EPUB ? new EpubParser() : new OpenDocumentParser();
            }
            case EML -> {
                return new RFC822Parser();
            }
            default -> throw new IllegalArgumentException("not an office format: " + named);
        }
    }

    private static String expected(DocumentFormat named) {
        return switch (named) {
            case RTF -> "RTF";
            default -> "Microsoft Office";
        };
    }

    /** The container of a file, by its first bytes. */
    enum Container {
        ZIP, OLE2, RTF, OTHER;

        static Container of(byte[] b) {
            if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
                return ZIP;
            }
            if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                    && (b[3] & 0xFF) == 0xE0) {
                return OLE2;
            }
            if (b.length >= 5 && b[0] == '{' && b[1] == '\\' && b[2] == 'r' && b[3] == 't' && b[4] == 'f') {
                return RTF;
            }
            return OTHER;
        }
    }

    private static String reason(Throwable e, DocumentFormat named) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException) {
                return named.id().toUpperCase(Locale.ROOT) + " document is encrypted with a password";
            }
            if (t instanceof Deadline.Expired) {
                throw (Deadline.Expired) t;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb")) {
                return "looks like a decompression bomb (it unpacks to far more than its size)";
            }
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (detail.length() > 160) {
            detail = detail.substring(0, 160) + "…";
        }
        return damaged(named) + " (" + detail.strip() + ")";
    }

    private static String damaged(DocumentFormat named) {
        return "damaged or unreadable " + named.id().toUpperCase(Locale.ROOT) + " document";
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static String first(Metadata metadata, org.apache.tika.metadata.Property property) {
        String v = metadata.get(property);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /** A document that cannot be read, with the reason. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** Stops a parser at its next piece of output once the time limit is reached. */
    private static final class DeadlineHandler extends ContentHandlerDecorator {
        DeadlineHandler(ContentHandler handler) {
            super(handler);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            Deadline.check();
            super.characters(ch, start, length);
        }

        @Override
        public void startElement(String uri, String localName, String name, org.xml.sax.Attributes atts)
                throws SAXException {
            Deadline.check();
            super.startElement(uri, localName, name, atts);
        }
    }
}
