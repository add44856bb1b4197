package eu.urbanagenda.kb.index.opensearch.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.urbanagenda.kb.index.DocumentMetadata;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.index.internal.NearDuplicates;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;

/**
 * An extracted document as the {@code _source} of an OpenSearch document, and back: the fields of the desktop index
 * ({@link KbFields}, {@link DocumentMapper}: the file on disk it comes from, metadata, the signature and group of copies;
 * no group size, which would change in every copy whenever a copy comes or goes)
 * with the text stored once, in its language's field. The document id is the SHA-256 of the path (ids are limited to
 * 512 bytes, paths are not); an archive's members have their own paths ({@code archive.zip!/member}).
 */
public final class SourceDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /**
     * The size of the document itself (an archive member's); {@link DocumentMapper#SIZE} is that of the file on disk,
     * compared by updates (the desktop index keeps both under one name, as doc value and stored value).
     */
    public static final String DOCUMENT_SIZE = "document_size";
    /** The fields a hit needs besides the text. */
    public static final String[] HIT_FIELDS = {KbFields.PATH, KbFields.TITLE, KbFields.LANG, KbFields.FORMAT,
            KbFields.ENCODING, KbFields.DATE, KbFields.SHA256, DOCUMENT_SIZE, DocumentMapper.MTIME,
            DocumentMapper.OVERRIDE, DocumentMapper.ENCODING_SOURCE, DocumentMapper.DESCRIPTION, DocumentMapper.AUTHOR,
            DocumentMapper.CREATED, DocumentMapper.MODIFIED, DocumentMapper.OCR, DocumentMapper.GROUP};

    private SourceDocument() {
    }

    /**
     * @param path an absolute, normalised path (of a file, or of an archive's member)
     * @return the id of its document
     */
    public static String id(String path) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * @param d an extracted document
     * @param override the encoding override that applied, or {@code null}
     * @param file the file on disk it comes from (the archive, for a member)
     * @param fileSize that file's size
     * @param complete false when the file must be read again on the next run
     * @param signature the signature of its text ({@link NearDuplicates#signature})
     * @param group the group of copies it belongs to
     * @return its source
     */
    public static ObjectNode of(ExtractedDocument d, Charset override, Path file, long fileSize, boolean complete,
            NearDuplicates.Signature signature, long group) {
        ObjectNode o = JSON.objectNode();
        String path = d.path().toString();
        o.put(DocumentMapper.FILE, file.toString());
        o.put(DocumentMapper.COMPLETE, complete);
        o.put(KbFields.PATH, path);
        Path parent = d.path().getParent();
        if (parent != null) {
            o.put(DocumentMapper.PARENT, parent.toString());
            ArrayNode folders = o.putArray(KbFields.FOLDER);
            for (Path p = parent; p != null; p = p.getParent()) {
                folders.add(p.toString());
            }
        }
        o.put(KbFields.LANG, d.language().code());
        o.put(KbFields.FORMAT, d.format().id());
        o.put(KbFields.SHA256, d.sha256());
        if (d.encoding() != null) {
            o.put(KbFields.ENCODING, d.encoding());
        }
        o.put(DocumentMapper.ENCODING_SOURCE, d.encodingSource().name());
        if (d.date() != null) {
            o.put(KbFields.DATE, d.date().toEpochDay());
            o.put(KbFields.YEAR, Integer.toString(d.date().getYear()));
        }
        o.put(DocumentMapper.SIZE, fileSize);
        o.put(DOCUMENT_SIZE, d.size());
        if (d.author() != null) {
            o.put(DocumentMapper.AUTHOR, d.author());
        }
        if (d.created() != null) {
            o.put(DocumentMapper.CREATED, d.created().toEpochMilli());
        }
        if (d.modified() != null) {
            o.put(DocumentMapper.MODIFIED, d.modified().toEpochMilli());
        }
        if (d.ocrConfidence() != null) {
            o.put(DocumentMapper.OCR, Math.round(d.ocrConfidence() * 100)); // as the desktop index keeps it
        }
        o.put(DocumentMapper.SIGNATURE, signature.bytes().bytes);
        o.put(DocumentMapper.SHINGLES, signature.shingles());
        o.put(DocumentMapper.GROUP, group);
        o.put(DocumentMapper.MTIME, d.lastModified());
        o.put(DocumentMapper.OVERRIDE, override == null ? "" : override.name());
        o.put(KbFields.TITLE, d.title());
        if (d.description() != null) {
            o.put(DocumentMapper.DESCRIPTION, d.description());
        }
        o.put(KbFields.textField(d.language()), d.text());
        return o;
    }

    /**
     * @param source a source with at least the {@link #HIT_FIELDS}
     * @param text the text, or {@code null} to take it from the source
     * @return the extracted document it was made from (with that text)
     */
    public static ExtractedDocument toExtracted(JsonNode source, String text) {
        Language language = Language.fromCode(string(source, KbFields.LANG));
        JsonNode date = source.get(KbFields.DATE);
        JsonNode ocr = source.get(DocumentMapper.OCR);
        return new ExtractedDocument(Path.of(string(source, KbFields.PATH)),
                Objects.requireNonNullElse(DocumentFormat.fromId(string(source, KbFields.FORMAT)), DocumentFormat.TEXT),
                string(source, KbFields.ENCODING), encodingSource(string(source, DocumentMapper.ENCODING_SOURCE)),
                language, orEmpty(string(source, KbFields.TITLE)), string(source, DocumentMapper.DESCRIPTION),
                date == null || date.isNull() ? null : LocalDate.ofEpochDay(date.asLong()),
                source.path(DOCUMENT_SIZE).asLong(), source.path(DocumentMapper.MTIME).asLong(),
                string(source, KbFields.SHA256),
                text != null ? text : orEmpty(string(source, KbFields.textField(language))),
                string(source, DocumentMapper.AUTHOR), instant(source, DocumentMapper.CREATED),
                instant(source, DocumentMapper.MODIFIED), ocr == null || ocr.isNull() ? null : ocr.asLong() / 100.0);
    }

    /**
     * @param source a source
     * @return its author, dates and OCR confidence
     */
    public static DocumentMetadata metadata(JsonNode source) {
        ExtractedDocument d = toExtracted(source, "");
        return new DocumentMetadata(d.author(), d.created(), d.modified(), d.ocrConfidence());
    }

    private static Instant instant(JsonNode source, String field) {
        JsonNode v = source.get(field);
        return v == null || v.isNull() ? null : Instant.ofEpochMilli(v.asLong());
    }

    /** How the encoding was chosen, as recorded; {@link EncodingSource#NONE} when unknown. */
    private static EncodingSource encodingSource(String name) {
        for (EncodingSource source : EncodingSource.values()) {
            if (source.name().equals(name)) {
                return source;
            }
        }
        return EncodingSource.NONE;
    }

    /**
     * @param source a source
     * @return the encoding override recorded with it, or {@code null}
     */
    public static Charset override(JsonNode source) {
        String name = string(source, DocumentMapper.OVERRIDE);
        return name == null || name.isEmpty() ? null : Charset.forName(name);
    }

    /**
     * @param source a source
     * @param field a field
     * @return its text value, or {@code null}
     */
    public static String string(JsonNode source, String field) {
        JsonNode v = source.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
