package eu.urbanagenda.kb.model.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.xmi.XMIException;
import org.eclipse.emf.ecore.xmi.XMLHelper;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.SAXXMIHandler;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.persistence.LoadProblem;

/**
 * EMF's XMI handler, closed to the outside and strict about what EMF lets pass silently:
 * <ul>
 * <li>namespaces: only the model's own package is known; another namespace is never looked up, downloaded or
 * turned into a class name (EMF would try the namespace, a schema location and {@code java:} URIs);</li>
 * <li>references: one to another file or address ({@code href="http://…"}, {@code actor="file:///…#x"}) is a
 * problem on its line and stays an unresolved proxy, never opened; a same-file reference to no object is one too;</li>
 * <li>ids: an id used twice is a problem (EMF would quietly resolve references to one of the two);</li>
 * <li>an id reference that is a URI without a fragment, which EMF drops without a word, is a problem;</li>
 * <li>a schema location is a problem and never followed.</li>
 * </ul>
 * It also records in {@link LoadState} whether the document was read to its end and which elements were open.
 */
public class KnowledgeBaseXmiHandler extends SAXXMIHandler {

    /** A problem found by this handler, with the kind the persistence layer reports it as. */
    public static final class Problem extends XMIException {
        private static final long serialVersionUID = 1L;
        private final LoadProblem.Kind kind;
        private final String words;

        Problem(LoadProblem.Kind kind, String words, String location, int line, int column) {
            super(words, location, line, column);
            this.kind = kind;
            this.words = words;
        }

        public LoadProblem.Kind kind() {
            return kind;
        }

        /** The problem in words, without the place {@link #getMessage()} appends. */
        public String words() {
            return words;
        }
    }

    private final LoadState state;
    private final Map<String, Integer> idLines = new HashMap<>();
    private final Map<InternalEObject, int[]> sameFileProxies = new LinkedHashMap<>();
    private final Set<String> unknownNamespaces = new HashSet<>();

    public KnowledgeBaseXmiHandler(XMLResource resource, XMLHelper helper, Map<?, ?> options, LoadState state) {
        super(resource, helper, options);
        this.state = state;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        state.started(new LoadState.OpenElement(qName, attributes == null ? null : attributes.getValue("id"), getLineNumber()));
        super.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String name) {
        super.endElement(uri, localName, name);
        state.ended();
    }

    @Override
    public void endDocument() {
        super.endDocument();
        for (Map.Entry<InternalEObject, int[]> entry : sameFileProxies.entrySet()) {
            URI proxyURI = entry.getKey().eProxyURI();
            EObject target = null;
            try {
                target = xmlResource.getEObject(proxyURI.fragment());
            } catch (RuntimeException e) {
                // an ill-formed fragment: no object, reported below
            }
            if (target == null) {
                report(LoadProblem.Kind.DANGLING_REFERENCE, "no object has the id '" + proxyURI.fragment() + "' (a reference to '"
                    + proxyURI.fragment() + "' in this file)", entry.getValue()[0], entry.getValue()[1]);
            }
        }
        state.completed();
    }

    /** Only the model's own namespace; nothing is looked up elsewhere, loaded or downloaded. */
    @Override
    protected EPackage getPackageForURI(String uriString) {
        if (UrbanAgendaPackage.eNS_URI.equals(uriString)) {
            return UrbanAgendaPackage.eINSTANCE;
        }
        if (uriString != null && unknownNamespaces.add(uriString)) {
            report(LoadProblem.Kind.OUTSIDE_REFERENCE, "unknown namespace '" + uriString + "': only " + UrbanAgendaPackage.eNS_URI
                + " is read, and no other is looked up or downloaded", getLineNumber(), getColumnNumber());
        }
        return null;
    }

    /** A schema location names files or addresses to read the model from: never followed, and a problem. */
    @Override
    protected void handleXSISchemaLocation(String schemaLocations) {
        report(LoadProblem.Kind.OUTSIDE_REFERENCE, "a schema location ('" + schemaLocations.strip()
            + "') points outside this file; it is not followed", getLineNumber(), getColumnNumber());
    }

    @Override
    protected void handleXSINoNamespaceSchemaLocation(String noNamespaceSchemaLocation) {
        handleXSISchemaLocation(noNamespaceSchemaLocation);
    }

    @Override
    protected void setAttribValue(EObject object, String name, String value) {
        super.setAttribValue(object, name, value);
        EAttribute idAttribute = object.eClass().getEIDAttribute();
        if (idAttribute != null && idAttribute.getName().equals(name) && value != null) {
            Integer first = idLines.putIfAbsent(value, getLineNumber());
            if (first != null) {
                report(LoadProblem.Kind.DUPLICATE_ID, "the id '" + value + "' is already used on line " + first
                    + " (references to it would be ambiguous)", getLineNumber(), getColumnNumber());
            }
        }
    }

    @Override
    protected void setValueFromId(EObject object, EReference reference, String ids) {
        for (String token : ids.trim().split("\\s+")) {
            // "scheme:…" without '#': EMF would take it for a type name and set nothing, silently
            if (token.indexOf('#') < 0 && token.indexOf(':') >= 0) {
                report(LoadProblem.Kind.OUTSIDE_REFERENCE, "'" + reference.getName() + "' holds '" + token
                    + "', which is not the id of an object in this file", getLineNumber(), getColumnNumber());
            }
        }
        super.setValueFromId(object, reference, ids);
    }

    @Override
    protected void handleProxy(InternalEObject proxy, String uriLiteral) {
        super.handleProxy(proxy, uriLiteral);
        URI proxyURI = proxy.eProxyURI();
        if (proxyURI != null && resourceURI != null && proxyURI.trimFragment().equals(resourceURI)) {
            sameFileProxies.put(proxy, new int[] { getLineNumber(), getColumnNumber() });
            state.sameFileProxy();
        } else {
            report(LoadProblem.Kind.OUTSIDE_REFERENCE, "refers to '" + uriLiteral + "', outside this file; a knowledge base refers"
                + " only to objects in its own file, and nothing else is opened", getLineNumber(), getColumnNumber());
        }
    }

    private void report(LoadProblem.Kind kind, String message, int line, int column) {
        error(new Problem(kind, message, resourceURI == null ? null : resourceURI.toString(), line, column));
    }
}
