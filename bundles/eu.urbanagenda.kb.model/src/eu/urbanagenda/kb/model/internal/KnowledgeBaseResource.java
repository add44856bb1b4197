package eu.urbanagenda.kb.model.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.eclipse.emf.ecore.xmi.impl.XMILoadImpl;
import org.eclipse.emf.ecore.xmi.XMLLoad;
import org.xml.sax.helpers.DefaultHandler;

import eu.urbanagenda.kb.model.persistence.LoadProblem;

/**
 * The XMI resource of a knowledge base: UTF-8, references by the objects' own ids (no UUIDs, no positional paths),
 * an id index for fast look-up, an XML parser that refuses DTDs and external entities, and a loader
 * ({@link KnowledgeBaseXmiHandler}) that reads nothing but this file and the model's own package. A resource that was
 * read with problems refuses to be saved: what could not be read is not in it.
 */
public class KnowledgeBaseResource extends XMIResourceImpl {

    /** Creates {@link KnowledgeBaseResource}s. */
    public static class Factory extends XMIResourceFactoryImpl {
        @Override
        public KnowledgeBaseResource createResource(URI uri) {
            return new KnowledgeBaseResource(uri);
        }
    }

    private LoadState loadState = new LoadState();
    private List<LoadProblem> loadProblems = List.of();

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

    @Override
    protected XMLLoad createXMLLoad() {
        loadState = new LoadState();
        LoadState state = loadState;
        return new XMILoadImpl(createXMLHelper()) {
            @Override
            protected DefaultHandler makeDefaultHandler() {
                return new KnowledgeBaseXmiHandler(resource, helper, options, state);
            }
        };
    }

    @Override
    protected XMLLoad createXMLLoad(Map<?, ?> options) {
        return createXMLLoad();
    }

    /** How far the last load got (whether the parser reached the end, which elements were open). */
    public LoadState loadState() {
        return loadState;
    }

    /** Marks the resource as read with these problems: it will refuse to be saved. */
    public void setLoadProblems(List<LoadProblem> problems) {
        loadProblems = List.copyOf(problems);
    }

    public List<LoadProblem> loadProblems() {
        return loadProblems;
    }

    @Override
    protected void doUnload() {
        super.doUnload();
        loadProblems = List.of();
    }

    /** The guard behind every save: a knowledge base read with problems is not whole, so writing it would lose data. */
    @Override
    public void doSave(OutputStream outputStream, Map<?, ?> options) throws IOException {
        checkSavable();
        super.doSave(outputStream, options);
    }

    /** Throws when the resource was read with problems (see {@link #setLoadProblems(List)}). */
    public void checkSavable() throws IOException {
        if (!loadProblems.isEmpty()) {
            LoadProblem first = loadProblems.get(0);
            throw new IOException("the knowledge base was read from " + first.file() + " with " + loadProblems.size()
                + (loadProblems.size() == 1 ? " problem" : " problems") + " (line " + first.line() + ": " + first.message()
                + "), so it is not whole; saving it would lose what could not be read");
        }
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
        // a namespace is never taken for the address of a model to download (the handler knows only our package)
        options.put(XMLResource.OPTION_USE_PACKAGE_NS_URI_AS_LOCATION, Boolean.FALSE);
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
