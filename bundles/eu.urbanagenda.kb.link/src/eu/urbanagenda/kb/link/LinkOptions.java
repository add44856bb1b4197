package eu.urbanagenda.kb.link;

import java.util.Set;

/**
 * How the linker works.
 *
 * @param threshold     proposals scoring below it are dropped (0..1); {@link #DEFAULT_THRESHOLD} favours precision
 * @param partnerships  only these partnership ids; all when empty
 * @param actors        also look for mentions of coordinators (cities, countries, organisations)
 */
public record LinkOptions(double threshold, Set<String> partnerships, boolean actors) {

    /**
     * The default threshold: a document must name the partnership, or use several of its keywords, or one
     * specific keyword repeatedly. A single generic word ("transport", "culture") stays far below it.
     */
    public static final double DEFAULT_THRESHOLD = 0.6;

    public static LinkOptions defaults() {
        return new LinkOptions(DEFAULT_THRESHOLD, Set.of(), true);
    }

    public LinkOptions withThreshold(double value) {
        return new LinkOptions(value, partnerships, actors);
    }

    public LinkOptions withPartnerships(Set<String> ids) {
        return new LinkOptions(threshold, Set.copyOf(ids), actors);
    }

    public LinkOptions withActors(boolean on) {
        return new LinkOptions(threshold, partnerships, on);
    }
}
