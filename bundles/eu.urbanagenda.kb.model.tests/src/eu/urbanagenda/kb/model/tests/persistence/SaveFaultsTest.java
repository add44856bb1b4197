package eu.urbanagenda.kb.model.tests.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseBackups;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.tests.TestFiles;

/**
 * Real I/O failures during a save, injected into a child JVM's system calls by strace (installed by .ci/run): a
 * failure is an error naming the file and saying in words what happened and what state the file is in; a failure
 * before the rename changes nothing.
 */
class SaveFaultsTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void straceCanTrace() throws Exception {
        boolean works;
        try {
            Process probe = new ProcessBuilder("strace", "-f", "-qq", "-o", "/dev/null", "true").redirectErrorStream(true).start();
            works = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            works = false;
        }
        Assumptions.assumeTrue(works, "strace cannot trace here (not installed, or ptrace is not allowed)");
    }

    /** A failed sync of the folder after the rename was ignored: `kb link` said it saved, exit 0. */
    @Test
    void aFailedFolderSyncIsAnErrorNamingTheFile() throws Exception {
        Path file = BundledKnowledgeBase.copyTo(folder.resolve("kb.xmi"));
        Result result = saveUnderStrace(file, "-P", folder.toString(), "-e", "trace=fsync", "-e", "inject=fsync:error=EIO");
        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.startsWith("Cannot save " + file + ": the folder " + folder + " could not be forced to disk"
            + " (an input/output error"), result.output);
        assertTrue(result.output.contains("the new version is in place but may not survive a power cut"), result.output);
        assertTrue(KnowledgeBaseFiles.load(file).knowledgeBase().getDescriptions().stream().anyMatch(d -> "saved once".equals(d.getValue())));
        assertEquals(List.of("kb.xmi", "kb.xmi.backups"), TestFiles.names(folder), "no temporary file left");
    }

    /**
     * The disk fills up while the file is forced to disk (fsync calls: the backup's file, the backup folder, then the
     * file's temporary copy, which fails): the message names the file and says the disk is full; nothing changed.
     */
    @Test
    void aFullDiskIsAnErrorNamingTheFileAndChangesNothing() throws Exception {
        Path file = BundledKnowledgeBase.copyTo(folder.resolve("kb.xmi"));
        Map<String, String> before = TestFiles.snapshot(folder);
        Result result = saveUnderStrace(file, "-e", "trace=fsync", "-e", "inject=fsync:error=ENOSPC:when=3");
        assertEquals(1, result.exit, result.output);
        assertTrue(result.output.startsWith("Cannot save " + file + ": the disk is full (no space left on device)"), result.output);
        assertTrue(result.output.endsWith("the file is unchanged"), result.output);
        assertFalse(result.output.contains("Exception"), result.output);
        assertEquals(before, TestFiles.snapshot(folder), "the file, its backups and no temporary file");

        Result backupFails = saveUnderStrace(file, "-e", "trace=fsync", "-e", "inject=fsync:error=ENOSPC:when=1");
        assertEquals(1, backupFails.exit, backupFails.output);
        assertTrue(backupFails.output.startsWith("Cannot save " + file + ": its backup cannot be written: the disk is full"), backupFails.output);
        assertEquals(before, TestFiles.snapshot(folder));
        assertEquals(1, KnowledgeBaseBackups.list(file).size());
    }

    private record Result(int exit, String output) {
    }

    private static Result saveUnderStrace(Path file, String... straceOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", "/dev/null"));
        command.addAll(List.of(straceOptions));
        command.addAll(List.of(CrashDuringSaveTest.javaExecutable(), "-Xshare:off", "-cp",
            CrashDuringSaveTest.classPath(), SaveOnce.class.getName(), file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
