package eu.urbanagenda.kb.model.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EContentsEList;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.ClassNotFoundException;
import org.eclipse.emf.ecore.xmi.DanglingHREFException;
import org.eclipse.emf.ecore.xmi.FeatureNotFoundException;
import org.eclipse.emf.ecore.xmi.IllegalValueException;
import org.eclipse.emf.ecore.xmi.PackageNotFoundException;
import org.eclipse.emf.ecore.xmi.UnresolvedReferenceException;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.internal.AtomicFiles;
import eu.urbanagenda.kb.model.internal.ClosedURIConverter;
import eu.urbanagenda.kb.model.internal.KnowledgeBaseResource;
import eu.urbanagenda.kb.model.internal.KnowledgeBaseXmiHandler;
import eu.urbanagenda.kb.model.internal.UnreadableFiles;
import eu.urbanagenda.kb.model.util.UrbanAgendaValidator;

/**
 * Loads and saves knowledge-base files (XMI, UTF-8, references by the objects' stable ids).
 * <ul>
 * <li>{@link #load(Path)} returns the whole knowledge base or refuses the file with a
 * {@link KnowledgeBaseLoadException} naming file, line and problem: a file cut off, with invalid UTF-8, not
 * well-formed, with a DOCTYPE, or read with any problem (dangling reference, duplicate id, a reference or namespace
 * outside the file, unknown element, bad value). It never returns part of a knowledge base, and it reads nothing but
 * the file itself: no other file, no network, no FIFO or device.</li>
 * <li>{@link #inspect(Path)} reads what it can of a damaged file and lists every problem, for showing them; the
 * result refuses to be saved.</li>
 * <li>{@link #save(KnowledgeBase, Path)} checks that what it writes loads back the same, replaces the file atomically
 * and keeps each saved version as a backup ({@link KnowledgeBaseBackups}, the last {@value KnowledgeBaseBackups#KEPT}).
 * A crash during the save leaves the old file or the new one, never a half-written one.</li>
 * </ul>
 */
public final class KnowledgeBaseFiles {

    /** The largest file read as a knowledge base (the bundled one is under 100 kB). */
    public static final long MAX_SIZE = 256L << 20;

    private KnowledgeBaseFiles() {
    }

    /**
     * A resource set that knows the model's package, creates knowledge-base resources for any URI, and opens no
     * URI by itself (see {@link ClosedURIConverter}).
     */
    public static ResourceSet createResourceSet() {
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.setURIConverter(new ClosedURIConverter());
        resourceSet.getPackageRegistry().put(UrbanAgendaPackage.eNS_URI, UrbanAgendaPackage.eINSTANCE);
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
            new KnowledgeBaseResource.Factory());
        return resourceSet;
    }

    /** Loads a knowledge-base file into a new resource set; refuses it unless it loads without any problem. */
    public static LoadResult load(Path file) throws KnowledgeBaseLoadException {
        return load(file, createResourceSet());
    }

    /**
     * Loads a knowledge-base file into the given resource set (e.g. an editing domain's), replacing a resource of the
     * same URI that is already there; refuses it unless it loads without any problem. The resource set's URI
     * converter is replaced by one that opens nothing, so that no proxy can later reach outside.
     */
    public static LoadResult load(Path file, ResourceSet resourceSet) throws KnowledgeBaseLoadException {
        Path absolute = file.toAbsolutePath().normalize();
        return read(readFile(absolute), URI.createFileURI(absolute.toString()), absolute.toString(), resourceSet, true);
    }

    /** Loads a knowledge base from a URL (e.g. the bundled one inside its jar); refuses it unless it loads cleanly. */
    public static LoadResult load(URL url, ResourceSet resourceSet) throws KnowledgeBaseLoadException {
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readNBytes((int) MAX_SIZE + 1);
        } catch (IOException e) {
            throw new KnowledgeBaseLoadException(url.toString(), 0, 0, "cannot be read: " + AtomicFiles.describe(e), e);
        }
        if (bytes.length > MAX_SIZE) {
            throw tooLarge(url.toString(), bytes.length);
        }
        return read(bytes, URI.createURI(url.toString()), url.toString(), resourceSet, true);
    }

    /**
     * Loads a knowledge base from bytes (e.g. a version kept in the history) into a new resource set, as strictly as a
     * file: the whole knowledge base or a {@link KnowledgeBaseLoadException} naming {@code name}, line and problem.
     *
     * @param name what the bytes are, for messages (e.g. "urban-agenda.xmi as of 3f2a9c1")
     */
    public static LoadResult load(byte[] bytes, String name) throws KnowledgeBaseLoadException {
        if (bytes.length > MAX_SIZE) {
            throw tooLarge(name, bytes.length);
        }
        return read(bytes, URI.createURI("memory:/" + URI.encodeSegment(name, false)), name, createResourceSet(), true);
    }

    /**
     * Reads a knowledge-base file for showing what is wrong with it: returns what could be read with every problem
     * found (empty when the file is clean). The result is <em>not</em> the whole knowledge base when there are problems,
     * and its resource refuses to be saved. Throws only when the file cannot be read at all.
     */
    public static LoadResult inspect(Path file) throws KnowledgeBaseLoadException {
        Path absolute = file.toAbsolutePath().normalize();
        return read(readFile(absolute), URI.createFileURI(absolute.toString()), absolute.toString(), createResourceSet(), false);
    }

    /**
     * The file's bytes, after checking it is a regular file of a sane size: a FIFO, a device or a folder is refused
     * before it is opened (opening a FIFO waits for a writer forever).
     */
    static byte[] readFile(Path file) throws KnowledgeBaseLoadException {
        String name = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new KnowledgeBaseLoadException(name, 0, 0, "no such file", e);
        } catch (IOException e) {
            throw new KnowledgeBaseLoadException(name, 0, 0, "cannot be read: " + AtomicFiles.describe(e), e);
        }
        if (attributes.isDirectory()) {
            throw new KnowledgeBaseLoadException(name, 0, 0, "is a folder, not a knowledge-base file", null);
        }
        if (!attributes.isRegularFile()) {
            throw new KnowledgeBaseLoadException(name, 0, 0,
                "is not a regular file (a named pipe, device or socket); it is not opened", null);
        }
        if (attributes.size() > MAX_SIZE) {
            throw tooLarge(name, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_SIZE + 1);
        } catch (AccessDeniedException e) {
            throw new KnowledgeBaseLoadException(name, 0, 0, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new KnowledgeBaseLoadException(name, 0, 0, "cannot be read: " + AtomicFiles.describe(e), e);
        }
        if (bytes.length > MAX_SIZE) {
            throw tooLarge(name, bytes.length);
        }
        return bytes;
    }

    private static KnowledgeBaseLoadException tooLarge(String name, long size) {
        return new KnowledgeBaseLoadException(name, 0, 0, "is " + (size >> 20) + " MB; a knowledge base is at most "
            + (MAX_SIZE >> 20) + " MB (is it the right file?)", null);
    }

    /**
     * Parses {@code bytes} as the resource {@code uri} of {@code resourceSet}. Strict: any problem refuses the file and
     * leaves nothing in the resource set. Not strict: the problems are returned and the resource is marked unsavable.
     */
    static LoadResult read(byte[] bytes, URI uri, String name, ResourceSet resourceSet, boolean strict) throws KnowledgeBaseLoadException {
        if (!(resourceSet.getURIConverter() instanceof ClosedURIConverter)) {
            resourceSet.setURIConverter(new ClosedURIConverter());
        }
        Resource existing = resourceSet.getResource(uri, false);
        if (existing != null) {
            existing.unload();
            resourceSet.getResources().remove(existing);
        }
        KnowledgeBaseResource resource = new KnowledgeBaseResource.Factory().createResource(uri);
        resourceSet.getResources().add(resource);
        boolean keep = false;
        try {
            Throwable failure = null;
            try {
                resource.load(new ByteArrayInputStream(bytes), null);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            if (!resource.loadState().isComplete()) {
                UnreadableFiles.Reason reason = UnreadableFiles.explain(bytes, failure, resource, resource.loadState());
                throw new KnowledgeBaseLoadException(name, reason.line(), reason.column(), reason.words(), failure);
            }
            List<LoadProblem> problems = new ArrayList<>();
            List<Resource.Diagnostic> diagnostics = new ArrayList<>(resource.getErrors());
            diagnostics.addAll(resource.getWarnings());
            for (Resource.Diagnostic diagnostic : diagnostics) {
                if (!(diagnostic instanceof PackageNotFoundException unknown && unknown.uri() != null)) {
                    // an unknown namespace is reported by the handler, on the line it is declared
                    problems.add(problem(name, diagnostic));
                }
            }
            EObject root = resource.getContents().isEmpty() ? null : resource.getContents().get(0);
            if (!(root instanceof KnowledgeBase knowledgeBase)) {
                LoadProblem first = problems.isEmpty() ? null : problems.get(0);
                String why = root != null ? "the root element is a " + root.eClass().getName() + ", not a KnowledgeBase"
                    : first != null ? "not a knowledge base: " + first.message() : "the file holds no model objects";
                throw new KnowledgeBaseLoadException(name, first == null ? 0 : first.line(), first == null ? 0 : first.column(), why, failure);
            }
            if (resource.getContents().size() > 1) {
                problems.add(new LoadProblem(LoadProblem.Kind.OTHER, name, 0, 0,
                    (resource.getContents().size() - 1) + " object(s) after the knowledge base at the top level"));
            }
            // in the order of the file; problems of no known place (0) last
            problems.sort(Comparator.comparingInt((LoadProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(LoadProblem::column));
            if (!problems.isEmpty()) {
                if (strict) {
                    throw new KnowledgeBaseLoadException(problems);
                }
                resource.setLoadProblems(problems);
            } else if (resource.loadState().hasSameFileProxies()) {
                // references written as same-file hrefs ("#id") are proxies until resolved; all of them resolve here
                EcoreUtil.resolveAll(resource);
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

    private static LoadProblem problem(String name, Resource.Diagnostic diagnostic) {
        LoadProblem.Kind kind;
        String message;
        if (diagnostic instanceof KnowledgeBaseXmiHandler.Problem ours) {
            kind = ours.kind();
            message = ours.words();
        } else if (diagnostic instanceof UnresolvedReferenceException unresolved) {
            kind = LoadProblem.Kind.DANGLING_REFERENCE;
            message = "no object has the id '" + unresolved.getReference() + "' ('" + unresolved.getFeature().getName() + "' of "
                + UrbanAgendaValidator.describe(unresolved.getObject()) + ")";
        } else if (diagnostic instanceof FeatureNotFoundException unknown) {
            kind = LoadProblem.Kind.UNKNOWN_FEATURE;
            message = "unknown element or attribute '" + unknown.getName() + "'"
                + (unknown.getObject() == null ? "" : " in a " + unknown.getObject().eClass().getName());
        } else if (diagnostic instanceof ClassNotFoundException unknown) {
            kind = LoadProblem.Kind.UNKNOWN_FEATURE;
            message = "unknown type '" + unknown.getName() + "'";
        } else if (diagnostic instanceof PackageNotFoundException) {
            kind = LoadProblem.Kind.UNKNOWN_FEATURE;
            message = "an element or attribute with a prefix no namespace is declared for";
        } else if (diagnostic instanceof IllegalValueException illegal) {
            kind = LoadProblem.Kind.ILLEGAL_VALUE;
            message = illegal.getValue() instanceof EObject object
                ? "'" + illegal.getFeature().getName() + "' of " + UrbanAgendaValidator.describe(illegal.getObject()) + " refers to "
                    + UrbanAgendaValidator.describe(object) + ", which is not a " + illegal.getFeature().getEType().getName()
                : "'" + illegal.getValue() + "' is not a valid value of '" + illegal.getFeature().getName() + "'";
        } else {
            kind = LoadProblem.Kind.OTHER;
            message = UnreadableFiles.words(withoutPlace(diagnostic));
        }
        return new LoadProblem(kind, name, Math.max(0, diagnostic.getLine()), Math.max(0, diagnostic.getColumn()), message);
    }

    /** EMF's message without the " (location, line, column)" it appends: the place is reported on its own. */
    private static String withoutPlace(Resource.Diagnostic diagnostic) {
        String message = String.valueOf(diagnostic.getMessage());
        String place = " (" + diagnostic.getLocation() + ", " + diagnostic.getLine() + ", " + diagnostic.getColumn() + ")";
        return message.endsWith(place) ? message.substring(0, message.length() - place.length()) : message;
    }

    /**
     * The bytes {@link #save(KnowledgeBase, Path)} writes: XMI in UTF-8 with LF line ends. Throws when an object
     * refers to one outside the knowledge base's resource (a dangling reference), naming the object, and when the
     * knowledge base was read with problems (it is not whole).
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
        if (resource instanceof KnowledgeBaseResource ours) {
            ours.checkSavable();
        }
        checkNoDanglingReferences(resource);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            resource.save(bytes, KnowledgeBaseResource.saveOptions());
        } catch (RuntimeException e) {
            // EMF's writer refuses characters XML 1.0 cannot hold (control characters) this way
            throw new IOException("a value cannot be written as XML: " + UnreadableFiles.words(e.getMessage()), e);
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
     * Two objects with one id would be written and then refused on loading; said here in the model's terms (an edit
     * that gave an id twice), before the load-back check would say it in lines of a file the user never sees.
     */
    private static void checkUniqueIds(KnowledgeBase knowledgeBase) throws IOException {
        Map<String, EObject> seen = new HashMap<>();
        for (Iterator<EObject> contents = EcoreUtil.getAllContents(knowledgeBase, false); contents.hasNext();) {
            EObject object = contents.next();
            String id = EcoreUtil.getID(object);
            EObject first = id == null ? null : seen.putIfAbsent(id, object);
            if (first != null) {
                throw new IOException("two objects have the id '" + id + "': " + UrbanAgendaValidator.describe(first) + " and "
                    + UrbanAgendaValidator.describe(object) + " (ids must be unique; change one of them)");
            }
        }
        String rootId = EcoreUtil.getID(knowledgeBase);
        if (rootId != null && seen.containsKey(rootId)) {
            throw new IOException("two objects have the id '" + rootId + "': the knowledge base and " + UrbanAgendaValidator.describe(seen.get(rootId))
                + " (ids must be unique; change one of them)");
        }
    }

    /**
     * Saves atomically and keeps the saved version as a backup: serializes the knowledge base, checks that the bytes
     * load back cleanly into the same knowledge base, writes them as the newest backup, then replaces {@code file}
     * (a temporary file forced to disk and renamed over it). On any failure before the rename (a knowledge base read
     * with problems, a dangling reference, a full disk) {@code file} is unchanged.
     *
     * @throws IOException "Cannot save FILE: " and the problem in words
     */
    public static void save(KnowledgeBase knowledgeBase, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            checkUniqueIds(knowledgeBase);
            bytes = toBytes(knowledgeBase);
        } catch (IOException e) {
            throw new IOException("Cannot save " + target + ": " + e.getMessage() + "; the file is unchanged", e);
        }
        try {
            checkLoadsBack(bytes, target, true);
            write(target, bytes);
        } catch (IOException e) {
            throw new IOException("Cannot save " + target + ": " + e.getMessage(), e);
        }
        knowledgeBase.eResource().setModified(false);
    }

    /**
     * Whether {@code bytes} load cleanly as the file {@code target} (and, for a save, serialize to the same bytes
     * again): what is written is always a file the loader accepts.
     */
    static LoadResult checkLoadsBack(byte[] bytes, Path target, boolean sameBytes) throws IOException {
        LoadResult result;
        try {
            result = read(bytes, URI.createFileURI(target.toString()), target.toString(), createResourceSet(), true);
        } catch (KnowledgeBaseLoadException e) {
            throw new IOException("what would be written does not load back cleanly (line " + e.getLine() + ": " + e.getProblem()
                + "); the file is unchanged", e);
        }
        if (sameBytes && !Arrays.equals(bytes, toBytes(result.knowledgeBase()))) {
            throw new IOException("what would be written does not load back the same (a value XML cannot hold?); the file is unchanged");
        }
        return result;
    }

    /** Writes checked bytes: the newest backup first, then the file itself; under the file's save lock. */
    static void write(Path target, byte[] bytes) throws IOException {
        KnowledgeBaseBackups.underLock(target, () -> {
            KnowledgeBaseBackups.Backup added = KnowledgeBaseBackups.add(target, bytes);
            try {
                AtomicFiles.replace(target, bytes);
            } catch (AtomicFiles.FolderNotForcedException e) {
                throw e; // the new version is in place, and so is its backup
            } catch (IOException e) {
                KnowledgeBaseBackups.discard(added);
                throw e;
            }
            KnowledgeBaseBackups.prune(target);
            return null;
        });
    }

    /**
     * The newest backup of {@code file} (a copy of its last save), or where backups are kept when there is none yet.
     *
     * @deprecated since the backups rotate; use {@link KnowledgeBaseBackups#list(Path)}
     */
    @Deprecated
    public static Path backupOf(Path file) {
        try {
            List<KnowledgeBaseBackups.Backup> backups = KnowledgeBaseBackups.list(file);
            return backups.isEmpty() ? KnowledgeBaseBackups.folderOf(file) : backups.get(0).file();
        } catch (IOException e) {
            return KnowledgeBaseBackups.folderOf(file);
        }
    }
}
