package eu.urbanagenda.kb.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.index.internal.NearDuplicates;

/**
 * The grouping of copies as an engine that cannot rewrite documents in place runs it: files carry the groups they got
 * when written (which may have chained them together), and regrouping keeps those ids where it can but never gives two
 * groups one id.
 */
class GroupingTest {

    /** A notice quoted whole in two articles that share nothing else; index 0 and 2 the articles, 1 the notice. */
    private static List<String> texts() {
        Random random = new Random(20261128L);
        String notice = CopiesAndArchivesTest.words(random, 80);
        return List.of("Перша стаття\n\n" + CopiesAndArchivesTest.words(random, 150) + "\n\n" + notice,
                "Оголошення\n\n" + notice, "Друга стаття\n\n" + notice + "\n\n" + CopiesAndArchivesTest.words(random, 150));
    }

    @Test
    void theArticlesAreTwoGroupsAndTheNoticeJoinsOne() {
        long[][] groups = group(null);
        assertEquals(2, Arrays.stream(groups).mapToLong(g -> g[0]).distinct().count());
        assertNotEquals(groups[0][0], groups[2][0]);
    }

    @Test
    void filesChainedWhenWrittenAreSplitIntoGroupsWithDistinctIds() {
        List<String> paths = List.of("/a/first.txt", "/a/notice.txt", "/a/second.txt");
        // every id the three files can carry after a chained write: each file's own, and the groups' computed ids
        long[][] computed = group(null);
        List<Long> ids = new ArrayList<>(List.of(computed[0][0], computed[2][0]));
        paths.forEach(p -> ids.add(NearDuplicates.soloGroup(p)));
        for (long carried : ids) {
            long[][] groups = group(List.of(carried, carried, carried));
            assertEquals(2, Arrays.stream(groups).mapToLong(g -> g[0]).distinct().count(),
                    "all three carried " + carried);
            assertNotEquals(groups[0][0], groups[2][0]);
            assertEquals(carried, Arrays.stream(groups).filter(g -> g[1] == 2).findFirst().orElseThrow()[0],
                    "the larger group keeps the id its files carry");
        }
    }

    private static long[][] group(List<Long> carried) {
        List<String> paths = List.of("/a/first.txt", "/a/notice.txt", "/a/second.txt");
        List<int[]> sigs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        for (String text : texts()) {
            NearDuplicates.Signature s = NearDuplicates.signature(text);
            sigs.add(s.minHashes());
            counts.add(s.shingles());
            shas.add(Integer.toHexString(text.hashCode()));
        }
        return carried == null ? NearDuplicates.groups(paths, shas, sigs, counts)
                : NearDuplicates.stableGroups(paths, shas, sigs, counts, carried);
    }
}
