package eu.urbanagenda.kb.model.internal;

import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/**
 * The XMI resource of a knowledge base: UTF-8, references by the objects' own ids (no UUIDs, no positional paths),
 * an id index for fast look-up, and an XML parser that refuses DTDs and external entities.
 */
public class KnowledgeBaseResource extends XMIResourceImpl {

    /** Creates {@link KnowledgeBaseResource}s. */
    public static class Factory extends XMIResourceFactoryImpl {
        @Override
        public KnowledgeBaseResource createResource(URI uri) {
            return new KnowledgeBaseResource(uri);
        }
    }

    public KnowledgeBaseResource(URI uri) {
        super(uri);
        setIntrinsicIDToEObjectMap(new HashMap<>());
        getDefaultLoadOptions().putAll(loadOptions());
        getDefaultSaveOptions().putAll(saveOptions());
    }

    @Override
    protected boolean useUUIDs() {
        return false;
    }

    /**
     * Parser features: no DOCTYPE at all (so no internal or external entities, no billion laughs, no DTD fetch),
     * and the JAXP secure-processing limits as a second line.
     */
    public static Map<String, Boolean> parserFeatures() {
        Map<String, Boolean> features = new HashMap<>();
        features.put("http://apache.org/xml/features/disallow-doctype-decl", Boolean.TRUE);
        features.put("http://xml.org/sax/features/external-general-entities", Boolean.FALSE);
        features.put("http://xml.org/sax/features/external-parameter-entities", Boolean.FALSE);
        features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", Boolean.FALSE);
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, Boolean.TRUE);
        return features;
    }

    public static Map<Object, Object> loadOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_PARSER_FEATURES, parserFeatures());
        options.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        return options;
    }

    public static Map<Object, Object> saveOptions() {
        Map<Object, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_ENCODING, "UTF-8");
        options.put(XMLResource.OPTION_LINE_DELIMITER, "\n");
        options.put(XMLResource.OPTION_SCHEMA_LOCATION, Boolean.FALSE);
        options.put(XMLResource.OPTION_PROCESS_DANGLING_HREF, XMLResource.OPTION_PROCESS_DANGLING_HREF_THROW);
        return options;
    }
}
