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
        Document doc = new Document();
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
        doc.add(new NumericDocValuesField(SIZE, d.size()));
        doc.add(new StoredField(SIZE, d.size()));
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
