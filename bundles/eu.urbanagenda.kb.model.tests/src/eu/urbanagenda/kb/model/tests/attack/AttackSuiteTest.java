package eu.urbanagenda.kb.model.tests.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadProblem;
import eu.urbanagenda.kb.model.tests.TestFiles;
import eu.urbanagenda.kb.model.tests.attack.Mutations.Mutation;

/**
 * The standing attack suite: over 300 damaged and hostile variants of the bundled knowledge base ({@link Mutations}),
 * each loaded with a real HTTP server on loopback recording every connection, a silent one, a FIFO and a file
 * outside as the targets of its references ({@link AttackRun}). Each is refused with a message naming the file and the
 * problem in words, or loaded cleanly as exactly what the file says (the same knowledge base, where only the form
 * changed): never part of a knowledge base, never a request, never a hang (each load is bounded). {@code
 * -Dkb.attack.scale=N} makes about N times as many; the counts go to {@code target/attack-suite.md}.
 */
class AttackSuiteTest {

    private static final int SCALE = Integer.getInteger("kb.attack.scale", 1);
    private static final long SEED = Long.getLong("kb.attack.seed", 20261128L);

    @TempDir
    Path folder;

    @Test
    void everyMutationIsRefusedInWordsOrLoadedWhole() throws Exception {
        AttackRun.Result result = AttackRun.run(folder, SEED, SCALE, Duration.ofSeconds(60), AttackSuiteTest::refusedForItsDamage);
        System.out.print(result.table());
        Files.createDirectories(TestFiles.target());
        Files.writeString(TestFiles.target().resolve("attack-suite.md"), result.table());
        assertTrue(result.mutations() >= 300, "at least 300 mutations: " + result.mutations());
        assertEquals(List.of(), result.requests(), "connections to the loopback servers");
        assertFalse(result.fifoOpened(), "the FIFO was opened");
        assertTrue(result.wrong().isEmpty(), result.wrong().size() + " of " + result.mutations() + " mutations handled wrongly:\n"
            + String.join("\n", result.wrong().subList(0, Math.min(40, result.wrong().size()))));
    }

    /** A duplicate id, a dangling or an outside reference is named as such, not refused for something else. */
    private static String refusedForItsDamage(Mutation mutation, KnowledgeBaseLoadException e) {
        LoadProblem.Kind kind = switch (mutation.kind()) {
            case "duplicate id" -> LoadProblem.Kind.DUPLICATE_ID;
            case "dangling reference" -> LoadProblem.Kind.DANGLING_REFERENCE;
            case "outside reference" -> LoadProblem.Kind.OUTSIDE_REFERENCE;
            default -> null;
        };
        return kind == null || e.getProblems().stream().anyMatch(p -> p.kind() == kind) ? null
            : "refused for another reason than its damage (" + kind.words() + "): " + e.getProblems();
    }
}
