package eu.urbanagenda.kb.git.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * Rounds of random edits in two copies, each round followed by synchronizing both: afterwards both are equal, valid,
 * and hold every edit, the second copy's where both changed the same feature (it takes its own side in conflicts).
 */
class RandomisedSyncTest {

    private static final int ROUNDS = 6;
    private static final int EDITS_PER_ROUND = 3;

    @TempDir
    Path root;

    private static long errors(Coordinator c) {
        return KnowledgeBaseValidation.validate(c.kb()).getChildren().stream().filter(d -> d.getSeverity() == Diagnostic.ERROR).count();
    }

    /** The first lines where two texts differ (with the line before), empty when they are equal. */
    static List<String> difference(String a, String b) {
        List<String> one = a.lines().toList();
        List<String> two = b.lines().toList();
        for (int i = 0; i < Math.max(one.size(), two.size()); i++) {
            String x = i < one.size() ? one.get(i) : "(end)";
            String y = i < two.size() ? two.get(i) : "(end)";
            if (!x.equals(y)) {
                return List.of("line " + (i + 1) + " after " + (i > 0 ? one.get(i - 1).strip() : ""), "ana:   " + x.strip(),
                        "boris: " + y.strip());
            }
        }
        return List.of();
    }

    @Test
    void randomEditsInTwoCopiesAllArriveInBoth() throws Exception {
        long seed = Long.getLong("kb.test.seed", System.nanoTime());
        Random random = new Random(seed);
        String url = GitProcess.bare(root.resolve("shared.git")).toUri().toString();
        Map<String, Object> expected = new LinkedHashMap<>();
        List<String> actions = new ArrayList<>();
        try (Coordinator ana = new Coordinator("Ana", root.resolve("ana")); Coordinator boris = new Coordinator("Boris", root.resolve("boris"))) {
            ana.sync(url, null);
            boris.sync(url, null);
            List<String> ids = ana.kb().getPartnerships().stream().map(Partnership::getId).toList();
            for (int round = 0; round < ROUNDS; round++) {
                Map<String, Object> byAna = new HashMap<>();
                Map<String, Object> byBoris = new HashMap<>();
                for (Coordinator c : List.of(ana, boris)) {
                    Map<String, Object> made = c == ana ? byAna : byBoris;
                    for (int e = 0; e < EDITS_PER_ROUND; e++) {
                        String id = ids.get(random.nextInt(ids.size()));
                        switch (random.nextInt(3)) {
                        case 0 -> {
                            PartnershipStatus status = PartnershipStatus.VALUES.get(random.nextInt(PartnershipStatus.VALUES.size()));
                            if (c.partnership(id).getStatus() != status) {
                                long before = errors(c);
                                c.edit(Edits.status(c, id, status));
                                if (errors(c) > before) {
                                    c.session().model().editingDomain().getCommandStack().undo(); // refused, as kb set does
                                } else {
                                    made.put(id + ".status", status);
                                }
                            }
                        }
                        case 1 -> {
                            String name = "Име " + c.name + " " + round + "." + e;
                            c.edit(Edits.name(c, id, Language.BG, name));
                            made.put(id + ".name.bg", name);
                        }
                        default -> {
                            String action = c.name + " action " + round + "." + e;
                            c.edit(Edits.action(c, id, action));
                            actions.add(action);
                        }
                        }
                    }
                    c.save();
                }
                ana.sync(url, null);
                boris.sync(url, Side.MINE);
                ana.sync(url, null);
                expected.putAll(byAna);
                expected.putAll(byBoris); // where both changed a feature, Boris took his own side
                assertEquals(List.of(), difference(ana.text(), boris.text()), "round " + round + ", seed " + seed);
            }
            for (Coordinator c : List.of(ana, boris)) {
                for (Map.Entry<String, Object> edit : expected.entrySet()) {
                    String[] parts = edit.getKey().split("\\.", 2);
                    Partnership p = c.partnership(parts[0]);
                    Object actual = parts[1].equals("status") ? p.getStatus() : Edits.nameOf(p, Language.BG);
                    assertEquals(edit.getValue(), actual, c.name + ": " + edit.getKey() + " (seed " + seed + ")");
                }
                for (String action : actions) {
                    assertNotNull(c.kb().getPartnerships().stream().flatMap(p -> p.getActions().stream())
                            .filter(a -> a.getNames().stream().anyMatch(n -> n.getValue().equals(action))).findFirst().orElse(null),
                            c.name + " has the action " + action + " (seed " + seed + ")");
                }
                assertEquals(List.of(), KnowledgeBaseValidation.validate(c.kb()).getChildren().stream()
                        .filter(d -> d.getSeverity() == Diagnostic.ERROR).map(Diagnostic::getMessage).toList(), "seed " + seed);
            }
            assertEquals(ana.session().history().head().id(), boris.session().history().head().id());
            GitProcess.git(root.resolve("shared.git"), "fsck", "--strict");
        }
    }
}
