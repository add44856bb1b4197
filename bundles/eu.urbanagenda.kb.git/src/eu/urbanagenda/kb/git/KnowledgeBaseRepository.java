package eu.urbanagenda.kb.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.lib.UserConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import eu.urbanagenda.kb.compare.MergePlan;
import eu.urbanagenda.kb.compare.ModelDiff;
import eu.urbanagenda.kb.compare.ModelMerge;
import eu.urbanagenda.kb.git.internal.GitProblems;
import eu.urbanagenda.kb.git.internal.RepositoryLock;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;

/**
 * The history of a data directory's knowledge base: a Git repository whose work tree is the data directory and whose
 * one shared file is the knowledge base ({@code .gitignore} keeps the index, the backups and everything else of this
 * machine out). Every save is a version ({@link #record}); {@link #versions} lists them, for the whole knowledge base or
 * one object, and {@link #knowledgeBase(Version)} reads one back.
 * <p>
 * A data directory without a history gets one on first use, in place and without losing anything: its first version is
 * the knowledge base bundled with the product, made the same way on every machine (same content, author and time, so the
 * same commit), and when the file differs from it, a second version holds the file as it was. Two copies of the
 * knowledge base started from the same product therefore share their first version, and their own changes merge
 * against it.
 */
public final class KnowledgeBaseRepository implements AutoCloseable {

    /** The branch of the knowledge base (here and in the shared repository). */
    public static final String BRANCH = "main";
    /** The name of the shared repository in the configuration. */
    public static final String REMOTE = "origin";
    /** The ignore rules: only the knowledge base (and these rules) are shared. */
    static final String IGNORE_FILE = ".gitignore";
    /** Who made the first version: the product. */
    static final PersonIdent PRODUCT = new PersonIdent("Urban Agenda Knowledge Base", "kb@urbanagenda.eu",
            Instant.parse("2016-05-30T00:00:00Z"), ZoneOffset.UTC);
    static final String FIRST_MESSAGE = "The knowledge base as bundled with the product";
    static final String BEFORE_HISTORY_MESSAGE = "The knowledge base as it was before its history was kept";
    /** Messages of saves whose version could not be recorded, recorded with the next one. */
    private static final String PENDING_MESSAGE = "KB_PENDING_MESSAGE";
    /** A synchronization that moves this copy to the shared version: the commit it moves to. */
    static final String FAST_FORWARD = "KB_FAST_FORWARD";
    private static final int CACHED_VERSIONS = 48;

    private final Path dataDirectory;
    private final String fileName;
    private final Repository repository;
    private final Git git;
    private final Map<ObjectId, KnowledgeBase> loaded = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, KnowledgeBase> eldest) {
            return size() > CACHED_VERSIONS;
        }
    });
    private volatile Author author;

    private KnowledgeBaseRepository(Path dataDirectory, String fileName, Repository repository) {
        this.dataDirectory = dataDirectory;
        this.fileName = fileName;
        this.repository = repository;
        this.git = new Git(repository);
    }

    /**
     * Opens the history of the knowledge base {@code fileName} in {@code dataDirectory}, starting it when there is none
     * (see the class comment). A synchronization that a killed process left half done is completed or undone here.
     */
    public static KnowledgeBaseRepository open(Path dataDirectory, String fileName) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return RepositoryLock.holding(directory, () -> {
            Path gitDirectory = directory.resolve(Constants.DOT_GIT);
            if (!Files.isDirectory(gitDirectory.resolve("objects"))) {
                try {
                    Git.init().setDirectory(directory.toFile()).setInitialBranch(BRANCH).call().close();
                } catch (GitAPIException | RuntimeException e) {
                    throw new IOException("cannot start the history of " + directory + ": " + GitProblems.describe(e), e);
                }
            }
            Repository repository = new FileRepositoryBuilder().setGitDir(gitDirectory.toFile()).setWorkTree(directory.toFile())
                    .setMustExist(true).build();
            KnowledgeBaseRepository opened = new KnowledgeBaseRepository(directory, fileName, repository);
            try {
                opened.startIfNew();
                opened.recover();
            } catch (IOException | RuntimeException e) {
                opened.close();
                throw e instanceof IOException io ? io
                        : new IOException("cannot read the history of " + directory + ": " + GitProblems.describe(e), e);
            }
            return opened;
        });
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The knowledge base file, in the data directory. */
    public Path file() {
        return dataDirectory.resolve(fileName);
    }

    public String fileName() {
        return fileName;
    }

    /** JGit's repository, for the synchronization. */
    Repository repository() {
        return repository;
    }

    Git git() {
        return git;
    }

    /**
     * Who saves are recorded as: the author set here, else the one chosen in the preferences ({@link AuthorPreference}),
     * else Git's configuration ({@code GIT_AUTHOR_NAME}, {@code user.name}), else the account.
     */
    public Author author() {
        Author chosen = author;
        if (chosen != null && chosen.isComplete()) {
            return chosen;
        }
        Optional<Author> preferred = AuthorPreference.read();
        if (preferred.isPresent()) {
            return preferred.get();
        }
        // Git's author settings (GIT_AUTHOR_NAME, user.name…; the account when none), not the committer's
        UserConfig configured = repository.getConfig().get(UserConfig.KEY);
        return new Author(configured.getAuthorName(), configured.getAuthorEmail());
    }

    /** Records saves as {@code author} from now on ({@code null} or a blank name: Git's configuration, else the account). */
    public void setAuthor(Author author) {
        this.author = author;
    }

    private PersonIdent ident() {
        Author who = author();
        return new PersonIdent(who.name(), who.email());
    }

    /** A new history: the product's version first, then the file as it is when it differs. */
    private void startIfNew() throws IOException {
        if (repository.resolve(Constants.HEAD) != null) {
            return;
        }
        Path ignore = dataDirectory.resolve(IGNORE_FILE);
        if (!Files.exists(ignore)) {
            Files.writeString(ignore, ignoreRules(fileName), StandardCharsets.UTF_8);
        }
        ObjectId first = firstVersion(repository, fileName);
        RefUpdate update = repository.updateRef(Constants.R_HEADS + BRANCH);
        update.setNewObjectId(first);
        update.setRefLogMessage("the history of the knowledge base begins", false);
        update.forceUpdate();
        repository.updateRef(Constants.HEAD).link(Constants.R_HEADS + BRANCH);
        resetIndex(first);
        if (Files.exists(file()) && !fileBlob().equals(headBlob())) {
            commit(BEFORE_HISTORY_MESSAGE, ident(), false);
        }
    }

    /** The rules of {@code .gitignore}: everything of the data directory stays out but the knowledge base. */
    static String ignoreRules(String fileName) {
        return "# Only the knowledge base is shared; the index, the backups and the rest of this folder stay on this machine.\n"
                + "/*\n!/" + IGNORE_FILE + "\n!/" + fileName + "\n";
    }

    /**
     * The first version of every history: the bundled knowledge base with its ignore rules, by the product at a fixed
     * time. Made the same on every machine, it is the same commit everywhere.
     */
    static ObjectId firstVersion(Repository repository, String fileName) throws IOException {
        byte[] bundled;
        try (InputStream in = BundledKnowledgeBase.open()) {
            bundled = in.readAllBytes();
        }
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            List<String> names = new ArrayList<>(List.of(IGNORE_FILE, fileName));
            Collections.sort(names);
            for (String name : names) {
                byte[] content = name.equals(IGNORE_FILE) ? ignoreRules(fileName).getBytes(StandardCharsets.UTF_8) : bundled;
                tree.append(name, FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB, content));
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            commit.setAuthor(PRODUCT);
            commit.setCommitter(PRODUCT);
            commit.setMessage(FIRST_MESSAGE + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    /** Whether a version is the first version of a history made by this product: a copy nobody has changed yet. */
    boolean isFirstVersion(ObjectId commit) throws IOException {
        return commit != null && commit.equals(firstVersion(repository, fileName));
    }

    private void resetIndex(ObjectId commit) throws IOException {
        try {
            git.reset().setMode(ResetCommand.ResetType.MIXED).setRef(commit.name()).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot update the history's index: " + GitProblems.describe(e), e);
        }
    }

    /**
     * Completes or undoes what a killed synchronization left: a merged knowledge base that was saved but not recorded is
     * recorded as the merge; one that was not saved yet is forgotten (the next synchronization plans it again).
     */
    private void recover() throws IOException {
        ObjectId fastForward = readState(FAST_FORWARD).map(ObjectId::fromString).orElse(null);
        List<ObjectId> merging = repository.readMergeHeads();
        if (fastForward == null && (merging == null || merging.isEmpty())) {
            return;
        }
        if (fileBlob().equals(headBlob())) {
            writeState(FAST_FORWARD, null);
            repository.writeMergeHeads(null);
            repository.writeMergeCommitMsg(null);
        } else {
            record(List.of());
        }
    }

    /**
     * Records the knowledge base file as it is now as a version, unless it is the latest version already; completes a
     * synchronization (see {@link Synchronizer}) when one is under way.
     *
     * @param labels what was done since the last save ("Set Status", "Add Coordinator Sofia (BG)"), for the message
     * @return the new version, or empty when the file did not change
     * @throws IOException when the version cannot be recorded: the file is saved all the same, and the next save records
     *                     it with these labels
     */
    public Optional<Version> record(List<String> labels) throws IOException {
        return RepositoryLock.holding(dataDirectory, () -> {
            String message = message(labels);
            try {
                ObjectId fastForward = readState(FAST_FORWARD).map(ObjectId::fromString).orElse(null);
                if (fastForward != null) {
                    writeState(FAST_FORWARD, null);
                    if (fileBlob().equals(blobOf(fastForward))) {
                        moveTo(fastForward);
                        writeState(PENDING_MESSAGE, null);
                        return Optional.of(version(fastForward));
                    }
                    // the file differs from the shared version (another order of the same content): record both as a merge
                    repository.writeMergeHeads(List.of(fastForward));
                    repository.writeMergeCommitMsg(Synchronizer.mergeMessage(this, fastForward));
                }
                List<ObjectId> merging = repository.readMergeHeads();
                boolean merge = merging != null && !merging.isEmpty();
                if (!merge && fileBlob().equals(headBlob())) {
                    writeState(PENDING_MESSAGE, null);
                    return Optional.empty();
                }
                RevCommit commit = commit(merge ? mergeMessage(labels) : message, ident(), merge);
                writeState(PENDING_MESSAGE, null);
                return Optional.of(version(commit));
            } catch (IOException | RuntimeException e) {
                writeState(PENDING_MESSAGE, message);
                throw new IOException("the save was not recorded in the history of " + dataDirectory + ": " + GitProblems.describe(e)
                        + "; the file is saved, and the next save records it", e);
            }
        });
    }

    /** The message of a version: the labels since the last recorded save (with those of saves not recorded before). */
    private String message(List<String> labels) throws IOException {
        List<String> parts = new ArrayList<>();
        readState(PENDING_MESSAGE).ifPresent(pending -> parts.add(pending.strip()));
        parts.add(CommitMessages.subject(labels));
        return String.join("; ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    private String mergeMessage(List<String> labels) throws IOException {
        String merge = repository.readMergeCommitMsg();
        List<String> own = labels.stream().filter(l -> !l.isBlank()).toList();
        return merge == null || merge.isBlank() ? CommitMessages.subject(labels) : merge.strip()
                + (own.isEmpty() || own.size() == 1 && CommitMessages.isSynchronize(own.get(0)) ? "" : "\n\n" + CommitMessages.subject(own));
    }

    private RevCommit commit(String message, PersonIdent who, boolean merge) throws IOException {
        try {
            git.add().addFilepattern(fileName).call();
            return git.commit().setMessage(message.isBlank() ? CommitMessages.subject(List.of()) : message).setAuthor(who)
                    .setCommitter(who).setAllowEmpty(merge).call();
        } catch (GitAPIException e) {
            throw new IOException(GitProblems.describe(e), e);
        }
    }

    /** Makes {@code commit} the current version (the file has its content already). */
    void moveTo(ObjectId commit) throws IOException {
        RefUpdate update = repository.updateRef(Constants.HEAD);
        update.setNewObjectId(commit);
        update.setRefLogMessage("synchronize: fast-forward", false);
        RefUpdate.Result result = update.forceUpdate();
        if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NEW
                && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("the history could not be moved to the shared version (" + result + ")");
        }
        resetIndex(commit);
        repository.writeMergeHeads(null);
        repository.writeMergeCommitMsg(null);
    }

    /** The id of the file's content now (as Git names it), or the zero id when there is no file. */
    ObjectId fileBlob() throws IOException {
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return formatter.idFor(Constants.OBJ_BLOB, Files.readAllBytes(file()));
        } catch (NoSuchFileException e) {
            return ObjectId.zeroId();
        }
    }

    /** The id of the file's content in the latest version. */
    ObjectId headBlob() throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        return head == null ? ObjectId.zeroId() : blobOf(head);
    }

    /** The id of the file's content in a version (the zero id when the version has no such file). */
    ObjectId blobOf(ObjectId commitId) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tree = TreeWalk.forPath(repository, fileName, commit.getTree())) {
                return tree == null ? ObjectId.zeroId() : tree.getObjectId(0);
            }
        }
    }

    /** The knowledge base file's bytes in a version. */
    byte[] bytesOf(ObjectId commitId) throws IOException {
        ObjectId blob = blobOf(commitId);
        if (blob.equals(ObjectId.zeroId())) {
            throw new IOException("the version " + commitId.abbreviate(7).name() + " holds no " + fileName);
        }
        return repository.open(blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }

    /** Whether the file has changes that no version holds (a save whose version could not be recorded). */
    public boolean hasUnrecordedChanges() throws IOException {
        return !fileBlob().equals(headBlob());
    }

    /** The latest version. */
    public Version head() throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        if (head == null) {
            throw new IOException("the history of " + dataDirectory + " has no version yet");
        }
        return version(head);
    }

    /**
     * The version {@code revision} names: an id or its first digits (as {@code kb history} shows them), {@code HEAD},
     * {@code HEAD~2}, {@code origin/main}…
     *
     * @throws IllegalArgumentException naming the revision when there is no such version
     */
    public Version resolve(String revision) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw new IllegalArgumentException("'" + revision + "' names more than one version; give more digits", e);
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw new IllegalArgumentException("'" + revision + "' is not a version (see 'kb history')", e);
        }
        if (id == null) {
            throw new IllegalArgumentException("no version '" + revision + "' in the history (see 'kb history')");
        }
        return version(id);
    }

    Version version(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return version(walk.parseCommit(id));
        }
    }

    static Version version(RevCommit commit) {
        PersonIdent who = commit.getAuthorIdent();
        List<String> parents = Arrays.stream(commit.getParents()).map(ObjectId::name).toList();
        return new Version(commit.name(), parents, who.getName(), who.getEmailAddress(), who.getWhenAsInstant(),
                commit.getFullMessage().strip());
    }

    /** The knowledge base of a version (kept for the next asks: versions do not change). */
    public KnowledgeBase knowledgeBase(Version version) throws IOException {
        return knowledgeBase(ObjectId.fromString(version.id()));
    }

    KnowledgeBase knowledgeBase(ObjectId commit) throws IOException {
        ObjectId blob = blobOf(commit);
        KnowledgeBase cached = loaded.get(blob);
        if (cached != null) {
            return cached;
        }
        KnowledgeBase read = KnowledgeBaseFiles.load(bytesOf(commit), fileName + " as of " + commit.abbreviate(7).name()).knowledgeBase();
        loaded.put(blob, read);
        return read;
    }

    /** What changed from one version to another ({@code null} as {@code older}: from nothing). */
    public ModelDiff diff(Version older, Version newer) throws IOException {
        return ModelDiff.between(older == null ? null : knowledgeBase(older), knowledgeBase(newer));
    }

    /** What a version changed: against the version before it (the first parent of a merge), or from nothing. */
    public ModelDiff changeOf(Version version) throws IOException {
        return diff(version.parents().isEmpty() ? null : version(ObjectId.fromString(version.parents().get(0))), version);
    }

    /**
     * The merge that takes back what {@code version} changed from the knowledge base as it is {@code now} (the one open
     * for editing): three-way, with the version as the common one and the version before it as the other side, so that
     * what was changed again since is a conflict rather than overwritten. Apply it as one command
     * ({@link MergePlan#command}).
     *
     * @throws IllegalArgumentException for the first version (there is nothing before it)
     */
    public MergePlan revertOf(Version version, KnowledgeBase now) throws IOException {
        if (version.parents().isEmpty()) {
            throw new IllegalArgumentException("the first version of the history cannot be taken back");
        }
        KnowledgeBase before = knowledgeBase(ObjectId.fromString(version.parents().get(0)));
        return ModelMerge.plan(knowledgeBase(version), now, before);
    }

    /**
     * The versions of the knowledge base, newest first; with {@code objectId}, only those that changed that object
     * (something inside it, evidence linked to it, a participation of an actor).
     *
     * @param most    at most this many
     * @param monitor told of each version looked at (reading versions to compare them takes a while); may be cancelled
     */
    public List<Version> versions(String objectId, int most, IProgressMonitor monitor) throws IOException {
        ObjectId head = repository.resolve(Constants.HEAD);
        List<Version> found = new ArrayList<>();
        if (head == null) {
            return found;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(head));
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(fileName), TreeFilter.ANY_DIFF));
            for (RevCommit commit : walk) {
                if (monitor != null && monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                Version version = version(commit);
                if (objectId == null || !changeOf(version).changesOf(objectId).isEmpty()) {
                    found.add(version);
                    if (found.size() >= most) {
                        break;
                    }
                }
                if (monitor != null) {
                    monitor.worked(1);
                }
            }
        }
        return found;
    }

    /** The address of the shared repository, without any password, if one was given. */
    public Optional<String> remoteUrl() {
        String url = repository.getConfig().getString("remote", REMOTE, "url");
        return Optional.ofNullable(url);
    }

    /** The commit the shared repository's branch was at when last fetched, if any. */
    Optional<ObjectId> remoteHead() throws IOException {
        Ref ref = repository.exactRef(Constants.R_REMOTES + REMOTE + "/" + BRANCH);
        return Optional.ofNullable(ref == null ? null : ref.getObjectId());
    }

    Optional<String> readState(String name) throws IOException {
        Path file = repository.getDirectory().toPath().resolve(name);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void writeState(String name, String text) throws IOException {
        Path file = repository.getDirectory().toPath().resolve(name);
        if (text == null) {
            Files.deleteIfExists(file);
        } else {
            Path temporary = file.resolveSibling(name + ".tmp");
            Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        git.close();
        repository.close();
    }
}
