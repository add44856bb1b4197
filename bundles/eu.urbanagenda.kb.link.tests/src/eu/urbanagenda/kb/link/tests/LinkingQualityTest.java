package eu.urbanagenda.kb.link.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.link.LinkOptions;
import eu.urbanagenda.kb.link.LinkVocabulary;
import eu.urbanagenda.kb.link.Linker;
import eu.urbanagenda.kb.link.Proposal;

/**
 * The linker against the hand-labelled set (seeds and corpus documents, labels/labelled-documents.tsv), in a
 * real index of those documents: seeds as labelled, precision favoured, news about something else unlinked.
 */
class LinkingQualityTest {

    @TempDir
    static Path data;

    static KbSession session;
    static LabelledSet labels;
    static List<Proposal> proposals;
    /** Every proposal whatever its score, to see what other thresholds would give. */
    static List<Proposal> all;

    static List<Proposal> above(double threshold) {
        return all.stream().filter(p -> p.score() + 1e-9 >= threshold).toList();
    }

    @BeforeAll
    static void indexAndLink() throws Exception {
        labels = LabelledSet.load();
        session = KbSession.open(data);
        session.library().ensureIndexed(new NullProgressMonitor());
        session.library().update(labels.files(), UpdateRequest.builder(), new NullProgressMonitor());
        all = new Linker(session.library().index()).propose(LinkVocabulary.of(session.model().knowledgeBase()),
                LinkOptions.defaults().withThreshold(0.0), new NullProgressMonitor());
        proposals = above(LinkOptions.DEFAULT_THRESHOLD);
    }

    @AfterAll
    static void close() throws Exception {
        session.close();
    }

    /** Partnership ids proposed for a file at the default threshold. */
    static Set<String> linked(Path file) {
        return linked(proposals, file);
    }

    static Set<String> linked(List<Proposal> proposals, Path file) {
        return proposals.stream().filter(p -> p.targetType().equals("Partnership") && p.path().equals(file))
                .map(Proposal::targetId).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void seedsAreLinkedAsLabelled() {
        Path seeds = LabelledSet.checkout().resolve("seeds").toAbsolutePath().normalize();
        for (String name : List.of("000_b67c46585f302328.txt", "001_be425302bce8815f.txt", "002_58fd54e3f0ca56bd.txt",
                "004_f6014b7996f6aa18.txt")) {
            assertEquals(Set.of("digital-transition"), linked(seeds.resolve(name)), name);
        }
        assertEquals(Set.of(), linked(seeds.resolve("003_4ca3f10b009f3b0c.txt")),
                "003 is about municipal cooperation, which no partnership is");
    }

    @Test
    void coordinatorsMentionedInTheBulgarianSeedAreFound() {
        Path seed = LabelledSet.checkout().resolve("seeds/004_f6014b7996f6aa18.txt").toAbsolutePath().normalize();
        Set<String> actors = proposals.stream().filter(p -> p.targetType().equals("Actor") && p.path().equals(seed))
                .map(Proposal::targetId).collect(Collectors.toSet());
        assertTrue(actors.containsAll(Set.of("city-sofia", "city-oulu", "ms-ee")), "Sofia, Oulu and Estonia: " + actors);
    }

    @Test
    void newsAboutSomethingElseIsNotLinked() {
        for (LabelledSet.Entry entry : labels.entries()) {
            String name = entry.file().getFileName().toString();
            if (name.contains("_bsnlp_")) {
                assertEquals(Set.of(), linked(entry.file()), name + ": " + entry.reason());
            }
        }
    }

    @Test
    void precisionIsFavouredOverRecall() {
        Map<String, int[]> byPartnership = new TreeMap<>(); // tp, fp, fn
        for (LabelledSet.Entry entry : labels.entries()) {
            Set<String> got = linked(entry.file());
            for (String id : got) {
                byPartnership.computeIfAbsent(id, k -> new int[3])[entry.partnerships().contains(id) ? 0 : 1]++;
            }
            for (String id : entry.partnerships()) {
                if (!got.contains(id)) {
                    byPartnership.computeIfAbsent(id, k -> new int[3])[2]++;
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder table = new StringBuilder("linking quality at threshold " + LinkOptions.DEFAULT_THRESHOLD
                + " on " + labels.entries().size() + " labelled documents\npartnership\tTP\tFP\tFN\tprecision\trecall\n");
        Map<String, String> lines = new HashMap<>();
        for (Map.Entry<String, int[]> e : byPartnership.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            lines.put(e.getKey(), String.format("%s\t%d\t%d\t%d\t%s\t%s%n", e.getKey(), c[0], c[1], c[2], ratio(c[0], c[0] + c[1]),
                    ratio(c[0], c[0] + c[2])));
        }
        lines.values().stream().sorted().forEach(table::append);
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        table.append(String.format("all\t%d\t%d\t%d\t%.2f\t%.2f%n", tp, fp, fn, precision, recall));
        System.out.print(table);
        assertTrue(precision >= 0.9, "precision " + precision + "\n" + table);
        assertTrue(recall >= 0.5, "recall " + recall + "\n" + table);
    }

    /** Lower thresholds find more and are wrong more often; the default is where precision stays whole. */
    @Test
    void thresholdsTradeRecallForPrecision() {
        StringBuilder table = new StringBuilder("threshold\tTP\tFP\tFN\tprecision\trecall\n");
        double[] precisionAt = new double[10];
        for (int tenth = 2; tenth <= 9; tenth++) {
            List<Proposal> chosen = above(tenth / 10.0);
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (LabelledSet.Entry entry : labels.entries()) {
                Set<String> got = linked(chosen, entry.file());
                for (String id : got) {
                    if (entry.partnerships().contains(id)) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                for (String id : entry.partnerships()) {
                    if (!got.contains(id)) {
                        fn++;
                    }
                }
            }
            precisionAt[tenth] = tp / (double) Math.max(1, tp + fp);
            table.append(String.format("%.1f\t%d\t%d\t%d\t%.2f\t%.2f%n", tenth / 10.0, tp, fp, fn, precisionAt[tenth],
                    tp / (double) Math.max(1, tp + fn)));
        }
        System.out.print("linking: thresholds on the labelled set\n" + table);
        assertTrue(precisionAt[6] >= precisionAt[3], table.toString());
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "—" : String.format("%.2f", a / (double) b);
    }
}
