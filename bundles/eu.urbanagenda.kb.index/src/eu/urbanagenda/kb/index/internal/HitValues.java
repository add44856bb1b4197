package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;

import eu.urbanagenda.kb.index.KbFields;

/**
 * Reads what a hit shows (path, title, language, format, encoding, date, SHA-256, author, document times, OCR
 * confidence, group of copies) from doc values: reading stored
 * fields means decompressing a block of documents per hit, which costs more than the search itself.
 */
public final class HitValues {

    /**
     * The values of one hit.
     *
     * @param path path
     * @param title title
     * @param lang language code
     * @param format format id
     * @param encoding encoding, or {@code null}
     * @param date date, or {@code null}
     * @param sha256 SHA-256
     * @param author author, or {@code null}
     * @param created creation time, or {@code null}
     * @param modified modification time, or {@code null}
     * @param ocrConfidence mean OCR confidence, or {@code null}
     * @param group the group of copies
     * @param groupSize the files in that group
     */
    public record Values(String path, String title, String lang, String format, String encoding, LocalDate date,
            String sha256, String author, Instant created, Instant modified, Double ocrConfidence, long group,
            long groupSize) {
    }

    private HitValues() {
    }

    /**
     * @param reader the reader of the hits
     * @param docIds the hits (any order)
     * @return their values, in the order of {@code docIds}
     * @throws IOException on index errors
     */
    public static Values[] read(IndexReader reader, int[] docIds) throws IOException {
        Values[] out = new Values[docIds.length];
        Integer[] order = new Integer[docIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        List<LeafReaderContext> leaves = reader.leaves();
        int leafIndex = -1;
        LeafDv dv = null;
        for (int k : order) {
            int doc = docIds[k];
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                dv = new LeafDv(leaves.get(li).reader());
            }
            out[k] = dv.values(doc - leaves.get(li).docBase);
        }
        return out;
    }

    /** Doc values iterators of one segment, advanced in increasing doc order. */
    private static final class LeafDv {
        final SortedSetDocValues path;
        final BinaryDocValues title;
        final SortedSetDocValues lang;
        final SortedSetDocValues format;
        final SortedDocValues encoding;
        final SortedNumericDocValues date;
        final SortedSetDocValues sha;
        final BinaryDocValues author;
        final NumericDocValues created;
        final NumericDocValues modified;
        final NumericDocValues ocr;
        final NumericDocValues group;
        final NumericDocValues groupSize;

        LeafDv(LeafReader r) throws IOException {
            path = DocValues.getSortedSet(r, KbFields.PATH);
            title = DocValues.getBinary(r, DocumentMapper.TITLE_DV);
            lang = DocValues.getSortedSet(r, KbFields.LANG);
            format = DocValues.getSortedSet(r, KbFields.FORMAT);
            encoding = DocValues.getSorted(r, DocumentMapper.ENCODING_DV);
            date = DocValues.getSortedNumeric(r, KbFields.DATE);
            sha = DocValues.getSortedSet(r, KbFields.SHA256);
            author = DocValues.getBinary(r, DocumentMapper.AUTHOR);
            created = DocValues.getNumeric(r, DocumentMapper.CREATED);
            modified = DocValues.getNumeric(r, DocumentMapper.MODIFIED);
            ocr = DocValues.getNumeric(r, DocumentMapper.OCR);
            group = DocValues.getNumeric(r, DocumentMapper.GROUP);
            groupSize = DocValues.getNumeric(r, DocumentMapper.GROUP_SIZE);
        }

        Values values(int doc) throws IOException {
            return new Values(first(path, doc), title.advanceExact(doc) ? title.binaryValue().utf8ToString() : "",
                    first(lang, doc), first(format, doc),
                    encoding.advanceExact(doc) ? encoding.lookupOrd(encoding.ordValue()).utf8ToString() : null,
                    date.advanceExact(doc) ? LocalDate.ofEpochDay(date.nextValue()) : null, first(sha, doc),
                    author.advanceExact(doc) ? author.binaryValue().utf8ToString() : null, instant(created, doc),
                    instant(modified, doc), ocr.advanceExact(doc) ? ocr.longValue() / 100.0 : null,
                    group.advanceExact(doc) ? group.longValue() : 0, groupSize.advanceExact(doc) ? groupSize.longValue() : 1);
        }

        private static Instant instant(NumericDocValues dv, int doc) throws IOException {
            return dv.advanceExact(doc) ? Instant.ofEpochMilli(dv.longValue()) : null;
        }

        private static String first(SortedSetDocValues dv, int doc) throws IOException {
            return dv.advanceExact(doc) ? dv.lookupOrd(dv.nextOrd()).utf8ToString() : null;
        }
    }
}
