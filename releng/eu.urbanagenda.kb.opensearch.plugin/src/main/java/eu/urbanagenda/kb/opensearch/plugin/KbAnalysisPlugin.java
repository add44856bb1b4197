package eu.urbanagenda.kb.opensearch.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

import eu.urbanagenda.kb.analysis.NamedAnalyzers;

/**
 * The product's analyzers in OpenSearch: every analyzer of {@link NamedAnalyzers} as {@code kb_<name>} (kb_uk, kb_bg,
 * kb_ru, kb_en, kb_generic, kb_translit, kb_title), the very classes the desktop index uses, so a cluster analyses a
 * field as the desktop does. Also {@value TokenListAnalyzer#NAME}: the terms of a query that the product has analysed
 * already (see {@link TokenListAnalyzer}).
 */
public class KbAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzers = new LinkedHashMap<>();
        for (String name : NamedAnalyzers.names()) {
            analyzers.put(NamedAnalyzers.OPENSEARCH_PREFIX + name, provider(() -> NamedAnalyzers.create(name)));
        }
        analyzers.put(TokenListAnalyzer.NAME, provider(TokenListAnalyzer::new));
        return analyzers;
    }

    /** One analyzer per index (the Ukrainian dictionary itself is loaded once per node). */
    private static AnalysisProvider<AnalyzerProvider<? extends Analyzer>> provider(Supplier<Analyzer> factory) {
        return (indexSettings, environment, name, settings) -> new Provider(indexSettings, name, settings,
                factory.get());
    }

    /** Hands an analyzer to the engine. */
    private static final class Provider extends AbstractIndexAnalyzerProvider<Analyzer> {
        private final Analyzer analyzer;

        Provider(IndexSettings indexSettings, String name, Settings settings, Analyzer analyzer) {
            super(indexSettings, name, settings);
            this.analyzer = analyzer;
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }
}
