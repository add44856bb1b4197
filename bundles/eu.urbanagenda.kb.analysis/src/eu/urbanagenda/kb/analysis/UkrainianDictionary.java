package eu.urbanagenda.kb.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import morfologik.stemming.Dictionary;

/**
 * The Ukrainian morphological dictionary (ua.net.nlp morfologik-ukrainian-search), loaded once from the bundle that
 * exports {@code ua.net.nlp} (imported by this bundle, so the resource is found without the analysis SPI).
 */
final class UkrainianDictionary {

    private static volatile Dictionary dictionary;

    private UkrainianDictionary() {
    }

    static Dictionary get() {
        Dictionary d = dictionary;
        if (d == null) {
            synchronized (UkrainianDictionary.class) {
                d = dictionary;
                if (d == null) {
                    ClassLoader cl = UkrainianDictionary.class.getClassLoader();
                    try (InputStream fsa = cl.getResourceAsStream("ua/net/nlp/ukrainian.dict");
                            InputStream info = cl.getResourceAsStream("ua/net/nlp/ukrainian.info")) {
                        if (fsa == null || info == null) {
                            throw new IOException("ua/net/nlp/ukrainian.dict not found: the bundle "
                                    + "wrapped.ua.net.nlp.morfologik-ukrainian-search must be installed");
                        }
                        d = Dictionary.read(fsa, info);
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot load the Ukrainian dictionary", e);
                    }
                    dictionary = d;
                }
            }
        }
        return d;
    }
}
