package eu.urbanagenda.kb.ui.internal.navigator;

/**
 * A group of partnerships in the navigator: one generation, status or coordinator country. Equal by grouping and
 * key, so the tree keeps its expansion across refreshes.
 *
 * @param by    the grouping
 * @param key   the generation or status literal, or the country code; empty for "none"
 * @param label the text shown
 * @param order the position among the groups
 */
public record GroupNode(GroupBy by, String key, String label, int order) {

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GroupNode other && other.by == by && other.key.equals(key);
    }

    @Override
    public int hashCode() {
        return by.hashCode() * 31 + key.hashCode();
    }
}
