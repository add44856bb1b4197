package eu.urbanagenda.kb.model.persistence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.ClassNotFoundException;
import org.eclipse.emf.ecore.xmi.DanglingHREFException;
import org.eclipse.emf.ecore.xmi.FeatureNotFoundException;
import org.eclipse.emf.ecore.xmi.IllegalValueException;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.util.EContentsEList;
import org.eclipse.emf.ecore.xmi.UnresolvedReferenceException;
import org.xml.sax.SAXParseException;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.internal.AtomicFiles;
import eu.urbanagenda.kb.model.internal.KnowledgeBaseResource;
import eu.urbanagenda.kb.model.util.UrbanAgendaValidator;

/**
 * Loads and saves knowledge-base files (XMI, UTF-8, references by the objects' stable ids).
 * <ul>
 * <li>{@link #load(Path)} returns the knowledge base with the problems found (dangling references, unknown
 * elements, bad values, each with file, line and column); it throws {@link KnowledgeBaseLoadException} naming file,
 * line and problem when the file cannot be loaded at all (malformed XML, a DOCTYPE: DTDs and entities are refused).</li>
 * <li>{@link #save(KnowledgeBase, Path)} replaces the file atomically and keeps the previous one as
 * {@code <file>.bak}; a crash during the save leaves the old file or the new one, never a half-written one.</li>
 * </ul>
 */
public final class KnowledgeBaseFiles {

    private KnowledgeBaseFiles() {
    }

    /** A resource set that knows the model's package and creates knowledge-base resources for any URI. */
    public static ResourceSet createResourceSet() {
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.getPackageRegistry().put(UrbanAgendaPackage.eNS_URI, UrbanAgendaPackage.eINSTANCE);
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
            new KnowledgeBaseResource.Factory());
        return resourceSet;
    }

    /** Loads a knowledge-base file into a new resource set. */
    public static LoadResult load(Path file) throws KnowledgeBaseLoadException {
        return load(file, createResourceSet());
    }

    /**
     * Loads a knowledge-base file into the given resource set (e.g. an editing domain's), replacing a resource of the
     * same URI that is already there.
     */
    public static LoadResult load(Path file, ResourceSet resourceSet) throws KnowledgeBaseLoadException {
        Path absolute = file.toAbsolutePath().normalize();
        return load(URI.createFileURI(absolute.toString()), absolute.toString(), () -> Files.newInputStream(absolute), resourceSet);
    }

    /** Loads a knowledge base from a URL (e.g. the bundled one inside its jar). */
    public static LoadResult load(URL url, ResourceSet resourceSet) throws KnowledgeBaseLoadException {
        return load(URI.createURI(url.toString()), url.toString(), url::openStream, resourceSet);
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private static LoadResult load(URI uri, String name, Opener opener, ResourceSet resourceSet) throws KnowledgeBaseLoadException {
        Resource existing = resourceSet.getResource(uri, false);
        if (existing != null) {
            existing.unload();
            resourceSet.getResources().remove(existing);
        }
        KnowledgeBaseResource resource = new KnowledgeBaseResource.Factory().createResource(uri);
        resourceSet.getResources().add(resource);
        boolean keep = false;
        try {
            Exception failure = null;
            try (InputStream in = opener.open()) {
                resource.load(in, null);
            } catch (NoSuchFileException e) {
                throw new KnowledgeBaseLoadException(name, 0, 0, "no such file", e);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            SAXParseException parseError = findParseError(failure, resource);
            if (parseError != null) {
                throw new KnowledgeBaseLoadException(name, parseError.getLineNumber(), parseError.getColumnNumber(),
                    describe(parseError), failure);
            }
            List<LoadProblem> problems = new ArrayList<>();
            for (Resource.Diagnostic diagnostic : resource.getErrors()) {
                problems.add(problem(name, diagnostic));
            }
            for (Resource.Diagnostic diagnostic : resource.getWarnings()) {
                problems.add(problem(name, diagnostic));
            }
            EObject root = resource.getContents().isEmpty() ? null : resource.getContents().get(0);
            if (!(root instanceof KnowledgeBase knowledgeBase)) {
                LoadProblem first = problems.isEmpty() ? null : problems.get(0);
                String why = root != null ? "the root element is a " + root.eClass().getName() + ", not a KnowledgeBase"
                    : first != null ? "not a knowledge base: " + first.message()
                    : failure != null ? "cannot be read: " + failure.getMessage() : "the file is empty of model objects";
                throw new KnowledgeBaseLoadException(name, first == null ? 0 : first.line(), first == null ? 0 : first.column(), why, failure);
            }
            if (resource.getContents().size() > 1) {
                problems.add(new LoadProblem(LoadProblem.Kind.OTHER, name, 0, 0,
                    (resource.getContents().size() - 1) + " object(s) after the knowledge base at the top level are ignored"));
            }
            keep = true;
            return new LoadResult(knowledgeBase, resource, problems);
        } finally {
            if (!keep) {
                resource.unload();
                resourceSet.getResources().remove(resource);
            }
        }
    }

    private static SAXParseException findParseError(Throwable failure, Resource resource) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException parse) {
                return parse;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        for (Resource.Diagnostic diagnostic : resource.getErrors()) {
            if (diagnostic instanceof Throwable t) {
                for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    if (t instanceof SAXParseException parse) {
                        return parse;
                    }
                }
            }
        }
        return null;
    }

    private static String describe(SAXParseException error) {
        String message = String.valueOf(error.getMessage());
        if (message.contains("DOCTYPE") || message.toLowerCase().contains("entity")) {
            return "DTDs and entity declarations are refused (they allow external entities and entity expansion): " + message;
        }
        return "malformed XML: " + message;
    }

    private static LoadProblem problem(String name, Resource.Diagnostic diagnostic) {
        LoadProblem.Kind kind;
        String message = diagnostic.getMessage();
        if (diagnostic instanceof UnresolvedReferenceException unresolved) {
            kind = LoadProblem.Kind.DANGLING_REFERENCE;
            message = "no object has the id '" + unresolved.getReference() + "' (dangling reference, left empty)";
        } else if (diagnostic instanceof FeatureNotFoundException || diagnostic instanceof ClassNotFoundException
            || diagnostic instanceof PackageNotFoundException) {
            kind = LoadProblem.Kind.UNKNOWN_FEATURE;
        } else if (diagnostic instanceof IllegalValueException) {
            kind = LoadProblem.Kind.ILLEGAL_VALUE;
        } else {
            kind = LoadProblem.Kind.OTHER;
        }
        return new LoadProblem(kind, name, Math.max(0, diagnostic.getLine()), Math.max(0, diagnostic.getColumn()), message);
    }

    /**
     * The bytes {@link #save(KnowledgeBase, Path)} writes: XMI in UTF-8 with LF line ends. Throws when an object
     * refers to one outside the knowledge base's resource (a dangling reference), naming the object.
     */
    public static byte[] toBytes(KnowledgeBase knowledgeBase) throws IOException {
        Resource resource = knowledgeBase.eResource();
        if (resource == null) {
            if (knowledgeBase.eContainer() != null) {
                throw new IllegalArgumentException("a knowledge base inside another object cannot be saved on its own");
            }
            resource = new KnowledgeBaseResource.Factory().createResource(URI.createURI("memory:/knowledge-base.xmi"));
            resource.getContents().add(knowledgeBase);
        }
        checkNoDanglingReferences(resource);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            resource.save(bytes, KnowledgeBaseResource.saveOptions());
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DanglingHREFException) {
                throw new IOException("dangling reference: " + cause.getMessage()
                    + " (an object of the knowledge base refers to it, but it is not in the knowledge base)", e);
            }
            throw e;
        }
        return bytes.toByteArray();
    }

    /**
     * References are written as the target's id, which EMF writes even when the target is in no resource; such a
     * reference could not be resolved when the file is loaded again, so it is refused here, naming both ends.
     */
    private static void checkNoDanglingReferences(Resource resource) throws IOException {
        for (Iterator<EObject> contents = resource.getAllContents(); contents.hasNext();) {
            EObject object = contents.next();
            for (EContentsEList.FeatureIterator<EObject> references = (EContentsEList.FeatureIterator<EObject>) object.eCrossReferences().iterator();
                references.hasNext();) {
                EObject target = references.next();
                EReference reference = (EReference) references.feature();
                if (!reference.isTransient() && !target.eIsProxy() && target.eResource() == null) {
                    throw new IOException("dangling reference: " + UrbanAgendaValidator.describe(object) + " refers by '"
                        + reference.getName() + "' to " + UrbanAgendaValidator.describe(target) + ", which is not in the knowledge base");
                }
            }
        }
    }

    /**
     * Saves atomically: writes a temporary file next to {@code file}, forces it to disk, keeps the current file as
     * {@link #backupOf(Path)}, and renames the temporary file over {@code file}. On any failure (including a dangling
     * reference) {@code file} and its backup are unchanged.
     *
     * @throws IOException naming the file and the problem
     */
    public static void save(KnowledgeBase knowledgeBase, Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = toBytes(knowledgeBase);
        } catch (IOException e) {
            throw new IOException("Cannot save " + file + ": " + e.getMessage(), e);
        }
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new IOException("Cannot save " + file + ": " + e, e);
        }
        knowledgeBase.eResource().setModified(false);
    }

    /** Where {@link #save(KnowledgeBase, Path)} keeps the previous version of {@code file}: {@code <file>.bak}. */
    public static Path backupOf(Path file) {
        return AtomicFiles.backupOf(file);
    }
}
