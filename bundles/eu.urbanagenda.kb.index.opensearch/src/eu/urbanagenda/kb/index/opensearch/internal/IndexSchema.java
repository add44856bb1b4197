package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.urbanagenda.kb.analysis.NamedAnalyzers;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.internal.DocumentMapper;

/**
 * The OpenSearch index of the knowledge base: its mapping, written from {@link KbFields} (each text field gets the
 * plugin's {@code kb_<name>} analyzer of {@link KbFields#TEXT_ANALYZERS}, keyword fields the same case handling), its
 * settings, and the format recorded in the mapping's {@code _meta} (schema, Lucene and analysis versions, as the
 * desktop index records them in its commits, plus the version of this mapping).
 */
public final class IndexSchema {

    /** The version of this mapping (fields, types, options). Part of the format. */
    public static final String MAPPING_VERSION = "1";
    /** The {@code _meta} key of {@link #MAPPING_VERSION}. */
    public static final String KEY_MAPPING = "kb.opensearch.mapping";
    /** The name of the installed plugin that provides the analyzers. */
    public static final String PLUGIN = "urbanagenda-kb-analysis";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The normalizer of lower-case keyword fields (built into OpenSearch). */
    private static final String LOWERCASE = "lowercase";
    /** A text with Ukrainian, Bulgarian and Latin words, apostrophes, a stress accent and a look-alike letter. */
    static final String PROBE = "Громадами м’ясо Орфое\u0301пія градовете Sofiya transformatsiia Київ COVID-19 "
            + "Брюксел правителството сoвет";

    private IndexSchema() {
    }

    /** @return the format of this version, as recorded in the mapping's {@code _meta} */
    public static Map<String, String> currentFormat() {
        Map<String, String> format = new LinkedHashMap<>(KbIndex.currentFormat());
        format.put(KEY_MAPPING, MAPPING_VERSION);
        return format;
    }

    /**
     * @param recorded the {@code _meta} of an index
     * @return whether this version can use it: same schema, mapping and analysis, same Lucene major.minor
     */
    public static boolean compatible(Map<String, String> recorded) {
        for (Map.Entry<String, String> e : currentFormat().entrySet()) {
            String value = recorded.get(e.getKey());
            boolean same = e.getKey().equals("kb.lucene") ? majorMinor(e.getValue()).equals(majorMinor(value))
                    : e.getValue().equals(value);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static String majorMinor(String version) {
        if (version == null) {
            return "";
        }
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    /**
     * @return the mapping: every field of the documents, strict (an unknown field is an error); keyword fields score
     *         term queries with BM25 as the desktop index does ({@code use_similarity}; OpenSearch's default is a
     *         constant score)
     */
    public static ObjectNode mapping() {
        ObjectNode properties = JSON.objectNode();
        KbFields.TEXT_ANALYZERS.forEach((field, analyzer) -> {
            ObjectNode text = properties.putObject(field).put("type", "text")
                    .put("analyzer", NamedAnalyzers.OPENSEARCH_PREFIX + analyzer);
            boolean languageText = KbFields.TEXT_FIELDS.contains(field);
            if (languageText || field.equals(KbFields.TRANSLIT)) {
                text.put("index_options", "offsets");
            }
            if (languageText) {
                // the text is stored once, in its language's field; the transliteration keys are indexed from it
                text.put("copy_to", KbFields.TRANSLIT);
            }
        });
        KbFields.LOWER_CASE_KEYWORDS.forEach(f -> keyword(properties, f).put("normalizer", LOWERCASE));
        KbFields.EXACT_KEYWORDS.forEach(f -> keyword(properties, f));
        properties.putObject(KbFields.DATE).put("type", "long");
        properties.putObject(DocumentMapper.PARENT).put("type", "keyword");
        properties.putObject(DocumentMapper.SIZE).put("type", "long");
        properties.putObject(DocumentMapper.MTIME).put("type", "long");
        properties.putObject(DocumentMapper.OVERRIDE).put("type", "keyword");
        properties.putObject(DocumentMapper.ENCODING_SOURCE).put("type", "keyword").put("index", false)
                .put("doc_values", false);
        properties.putObject(DocumentMapper.DESCRIPTION).put("type", "text").put("index", false);
        // the file on disk (an archive for its members) and whether it must be read again
        properties.putObject(DocumentMapper.FILE).put("type", "keyword");
        properties.putObject(DocumentMapper.COMPLETE).put("type", "boolean");
        properties.putObject(SourceDocument.DOCUMENT_SIZE).put("type", "long").put("index", false);
        // metadata, shown with hits
        properties.putObject(DocumentMapper.AUTHOR).put("type", "keyword").put("index", false).put("doc_values", false);
        for (String f : List.of(DocumentMapper.CREATED, DocumentMapper.MODIFIED, DocumentMapper.OCR)) {
            properties.putObject(f).put("type", "long").put("index", false);
        }
        // copies of one document: the signature read by the grouping after a run, the group hits are collapsed by
        properties.putObject(DocumentMapper.SIGNATURE).put("type", "binary");
        properties.putObject(DocumentMapper.SHINGLES).put("type", "long").put("index", false);
        properties.putObject(DocumentMapper.GROUP).put("type", "long");
        ObjectNode mapping = JSON.objectNode().put("dynamic", "strict");
        ObjectNode meta = mapping.putObject("_meta");
        currentFormat().forEach(meta::put);
        mapping.set("properties", properties);
        return mapping;
    }

    private static ObjectNode keyword(ObjectNode properties, String field) {
        return properties.putObject(field).put("type", "keyword").put("use_similarity", true);
    }

    /**
     * @param shards primary shards
     * @param replicas replicas per shard, or -1 for one replica as soon as the cluster has a second node
     * @return the body of the request that creates the index: settings and mapping
     */
    public static ObjectNode creation(int shards, int replicas) {
        ObjectNode body = JSON.objectNode();
        ObjectNode settings = body.putObject("settings").put("number_of_shards", shards);
        if (replicas < 0) {
            settings.put("auto_expand_replicas", "0-1");
        } else {
            settings.put("number_of_replicas", replicas);
        }
        body.set("mappings", mapping());
        return body;
    }

    /**
     * The terms of the probe text in each text field as this client analyses it: "term@position" in order.
     *
     * @param analyzer the per-field analyzer
     * @return field → terms
     * @throws IOException on analysis errors
     */
    public static Map<String, List<String>> probeTerms(Analyzer analyzer) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String field : KbFields.TEXT_ANALYZERS.keySet()) {
            List<String> terms = new ArrayList<>();
            try (TokenStream ts = analyzer.tokenStream(field, PROBE)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
                ts.reset();
                int position = -1;
                while (ts.incrementToken()) {
                    position += inc.getPositionIncrement();
                    terms.add(term + "@" + position);
                }
                ts.end();
            }
            out.put(field, terms);
        }
        return out;
    }
}
