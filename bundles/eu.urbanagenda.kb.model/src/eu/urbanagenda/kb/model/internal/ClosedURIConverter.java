package eu.urbanagenda.kb.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.URIHandler;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.resource.impl.URIHandlerImpl;

/**
 * The URI converter of a knowledge base's resource set: it opens nothing. The knowledge base is read and written by
 * {@link eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles} through streams of its own, so any URI EMF would
 * open by itself (a proxy to another file or a web address, a namespace taken for a location) is one a hostile
 * file put there: refusing it keeps a load from reaching the network, other files, FIFOs or devices.
 */
public final class ClosedURIConverter extends ExtensibleURIConverterImpl {

    public ClosedURIConverter() {
        super(List.of(new Refusing()), List.of());
    }

    private static final class Refusing extends URIHandlerImpl {

        @Override
        public boolean canHandle(URI uri) {
            return true;
        }

        @Override
        public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        @Override
        public OutputStream createOutputStream(URI uri, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        @Override
        public void delete(URI uri, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        @Override
        public Map<String, ?> contentDescription(URI uri, Map<?, ?> options) {
            return Map.of();
        }

        @Override
        public boolean exists(URI uri, Map<?, ?> options) {
            return false;
        }

        @Override
        public Map<String, ?> getAttributes(URI uri, Map<?, ?> options) {
            return Map.of();
        }

        @Override
        public void setAttributes(URI uri, Map<String, ?> attributes, Map<?, ?> options) throws IOException {
            throw refused(uri);
        }

        private static IOException refused(URI uri) {
            return new IOException("'" + uri + "' is outside the knowledge base and is not opened");
        }
    }
}
