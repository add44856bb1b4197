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
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.IndexOptions;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;

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

    /** @return the mapping: every field of the documents, strict (an unknown field is an error) */
    public static TypeMapping mapping() {
        Map<String, Property> properties = new LinkedHashMap<>();
        KbFields.TEXT_ANALYZERS.forEach((field, analyzer) -> {
            boolean languageText = KbFields.TEXT_FIELDS.contains(field);
            boolean withOffsets = languageText || field.equals(KbFields.TRANSLIT);
            properties.put(field, Property.of(p -> p.text(t -> {
                t.analyzer(NamedAnalyzers.OPENSEARCH_PREFIX + analyzer);
                if (withOffsets) {
                    t.indexOptions(IndexOptions.Offsets);
                }
                if (languageText) {
                    // the text is stored once, in its language's field; the transliteration keys are indexed from it
                    t.copyTo(KbFields.TRANSLIT);
                }
                return t;
            })));
        });
        KbFields.LOWER_CASE_KEYWORDS.forEach(f -> properties.put(f, Property.of(p -> p.keyword(k -> k.normalizer(LOWERCASE)))));
        KbFields.EXACT_KEYWORDS.forEach(f -> properties.put(f, Property.of(p -> p.keyword(k -> k))));
        properties.put(KbFields.DATE, Property.of(p -> p.long_(l -> l)));
        properties.put(DocumentMapper.PARENT, Property.of(p -> p.keyword(k -> k)));
        properties.put(DocumentMapper.SIZE, Property.of(p -> p.long_(l -> l)));
        properties.put(DocumentMapper.MTIME, Property.of(p -> p.long_(l -> l)));
        properties.put(DocumentMapper.OVERRIDE, Property.of(p -> p.keyword(k -> k)));
        properties.put(DocumentMapper.ENCODING_SOURCE, Property.of(p -> p.keyword(k -> k.index(false).docValues(false))));
        properties.put(DocumentMapper.DESCRIPTION, Property.of(p -> p.text(t -> t.index(false))));
        Map<String, JsonData> meta = new LinkedHashMap<>();
        currentFormat().forEach((k, v) -> meta.put(k, JsonData.of(v)));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict).meta(meta).properties(properties));
    }

    /**
     * @param shards primary shards
     * @param replicas replicas per shard, or -1 for one replica as soon as the cluster has a second node
     * @return the settings of a new index
     */
    public static IndexSettings settings(int shards, int replicas) {
        return IndexSettings.of(s -> {
            s.numberOfShards(shards);
            if (replicas < 0) {
                s.autoExpandReplicas("0-1");
            } else {
                s.numberOfReplicas(replicas);
            }
            return s;
        });
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
