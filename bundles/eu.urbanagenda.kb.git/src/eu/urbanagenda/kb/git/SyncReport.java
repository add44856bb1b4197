package eu.urbanagenda.kb.git;

import java.util.List;

import eu.urbanagenda.kb.compare.ChangeDescription;

/**
 * What a synchronization did.
 *
 * @param plan     what it found (the last plan, when the shared repository changed meanwhile and it tried again)
 * @param taken    their changes now in this copy, in words (empty when there were none)
 * @param sent     how many versions of this copy went to the shared repository
 * @param stopped  true when it stopped at conflicts nobody chose a side in: nothing was changed
 */
public record SyncReport(SyncPlan plan, List<ChangeDescription> taken, int sent, boolean stopped) {
}
