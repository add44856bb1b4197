package eu.urbanagenda.kb.index.internal;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.ingest.ExtractedDocument;

/** Maps an {@link ExtractedDocument} to the fields of the index (see {@link KbFields}). */
public final class DocumentMapper {

    /** Stored text (display form), highlighted through the text and transliteration fields. */
    public static final String BODY = "body";
    /** Stored description. */
    public static final String DESCRIPTION = "description";
    /** Stored encoding source. */
    public static final String ENCODING_SOURCE = "encoding_source";
    /** Doc values: the containing folder, counted as facet. */
    public static final String PARENT = "parent";
    /** Doc values: file size. */
    public static final String SIZE = "size";
    /** Doc values: file modification time (updated in place when only the time changes). */
    public static final String MTIME = "mtime";
    /** Doc values and stored: the encoding override that applied, or "". */
    public static final String OVERRIDE = "override";
    /** Doc values: the title, so hits are listed without reading stored fields. */
    public static final String TITLE_DV = "title_dv";
    /** Doc values: the encoding. */
    public static final String ENCODING_DV = "encoding_dv";
    /** Keyword and doc values: the file on disk (an archive for its members; else the path itself). */
    public static final String FILE = "file";
    /** Doc values: 0 when the file must be read again on the next run (a member needed a missing OCR language). */
    public static final String COMPLETE = "complete";
    /** Stored and doc values: the author from the document's metadata. */
    public static final String AUTHOR = "author";
    /** Stored and doc values: creation time in the document's metadata (epoch milliseconds). */
    public static final String CREATED = "created";
    /** Stored and doc values: modification time in the document's metadata (epoch milliseconds). */
    public static final String MODIFIED = "modified";
    /** Stored and doc values: mean OCR confidence × 100 of text recognised by OCR. */
    public static final String OCR = "ocr_confidence";
    /** Doc values: the MinHash signature of the text (see {@link NearDuplicates}). */
    public static final String SIGNATURE = "signature";
    /** Doc values: distinct word shingles of the text. */
    public static final String SHINGLES = "shingles";
    /** Doc values: the id of the group of copies of one document (updated in place after each run). */
    public static final String GROUP = "dup_group";
    /** Doc values: how many files the group has. */
    public static final String GROUP_SIZE = "dup_group_size";

    /** Text indexed with positions and offsets (for phrases and postings-based highlighting), not stored. */
    static final FieldType TEXT_WITH_OFFSETS = new FieldType();

    static {
        TEXT_WITH_OFFSETS.setTokenized(true);
        TEXT_WITH_OFFSETS.setStored(false);
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private DocumentMapper() {
    }

    /**
     * @param d an extracted document
     * @param override the encoding override that applied, or {@code null}
     * @return the Lucene document
     */
    public static Document toDocument(ExtractedDocument d, Charset override) {
        return toDocument(d, override, d.path(), d.size(), true);
    }

    /**
     * @param d an extracted document
     * @param override the encoding override that applied, or {@code null}
     * @param file the file on disk it comes from (the archive, for a member)
     * @param fileSize that file's size
     * @param complete false when the file must be read again on the next run
     * @return the Lucene document
     */
    public static Document toDocument(ExtractedDocument d, Charset override, Path file, long fileSize,
            boolean complete) {
        Document doc = new Document();
        doc.add(new KeywordField(FILE, file.toString(), Field.Store.NO));
        doc.add(new NumericDocValuesField(COMPLETE, complete ? 1 : 0));
        String path = d.path().toString();
        doc.add(new KeywordField(KbFields.PATH, path, Field.Store.YES));
        Path parent = d.path().getParent();
        if (parent != null) {
            doc.add(new SortedDocValuesField(PARENT, new BytesRef(parent.toString())));
            for (Path p = parent; p != null; p = p.getParent()) {
                doc.add(new StringField(KbFields.FOLDER, p.toString(), Field.Store.NO));
            }
        }
        doc.add(new KeywordField(KbFields.LANG, d.language().code(), Field.Store.YES));
        doc.add(new KeywordField(KbFields.FORMAT, d.format().id(), Field.Store.YES));
        doc.add(new KeywordField(KbFields.SHA256, d.sha256(), Field.Store.YES));
        if (d.encoding() != null) {
            doc.add(new StringField(KbFields.ENCODING, d.encoding().toLowerCase(java.util.Locale.ROOT),
                    Field.Store.NO));
            doc.add(new StoredField(KbFields.ENCODING, d.encoding()));
            doc.add(new SortedDocValuesField(ENCODING_DV, new BytesRef(d.encoding())));
        }
        doc.add(new StoredField(ENCODING_SOURCE, d.encodingSource().name()));
        LocalDate date = d.date();
        if (date != null) {
            doc.add(new LongField(KbFields.DATE, date.toEpochDay(), Field.Store.YES));
            doc.add(new KeywordField(KbFields.YEAR, Integer.toString(date.getYear()), Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(SIZE, fileSize));
        doc.add(new StoredField(SIZE, d.size()));
        if (d.author() != null) {
            doc.add(new StoredField(AUTHOR, d.author()));
            doc.add(new BinaryDocValuesField(AUTHOR, new BytesRef(d.author())));
        }
        if (d.created() != null) {
            doc.add(new StoredField(CREATED, d.created().toEpochMilli()));
            doc.add(new NumericDocValuesField(CREATED, d.created().toEpochMilli()));
        }
        if (d.modified() != null) {
            doc.add(new StoredField(MODIFIED, d.modified().toEpochMilli()));
            doc.add(new NumericDocValuesField(MODIFIED, d.modified().toEpochMilli()));
        }
        if (d.ocrConfidence() != null) {
            long c = Math.round(d.ocrConfidence() * 100);
            doc.add(new StoredField(OCR, c));
            doc.add(new NumericDocValuesField(OCR, c));
        }
        NearDuplicates.Signature sig = NearDuplicates.signature(d.text());
        doc.add(new BinaryDocValuesField(SIGNATURE, sig.bytes()));
        doc.add(new NumericDocValuesField(SHINGLES, sig.shingles()));
        doc.add(new NumericDocValuesField(GROUP, NearDuplicates.soloGroup(path)));
        doc.add(new NumericDocValuesField(GROUP_SIZE, 1));
        doc.add(new NumericDocValuesField(MTIME, d.lastModified()));
        String ov = override == null ? "" : override.name();
        doc.add(new SortedDocValuesField(OVERRIDE, new BytesRef(ov)));
        doc.add(new TextField(KbFields.TITLE, d.title(), Field.Store.YES));
        doc.add(new BinaryDocValuesField(TITLE_DV, new BytesRef(d.title())));
        if (d.description() != null) {
            doc.add(new StoredField(DESCRIPTION, d.description()));
        }
        doc.add(new StoredField(BODY, d.text()));
        doc.add(new Field(KbFields.textField(d.language()), d.text(), TEXT_WITH_OFFSETS));
        doc.add(new Field(KbFields.TRANSLIT, d.text(), TEXT_WITH_OFFSETS));
        return doc;
    }
}
