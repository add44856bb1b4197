package eu.urbanagenda.kb.git;

import java.util.ArrayList;
import java.util.List;

import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;

/** The message of a version, made of the labels of the edits since the last save. */
public final class CommitMessages {

    private CommitMessages() {
    }

    /**
     * The labels joined ("Set Name; Add Coordinator Sofia (BG)"), a label repeated in a row said once with a count
     * ("Set Name (3×)"); "Save" when there are none (a save without edits, e.g. after a failed one).
     */
    public static String subject(List<String> labels) {
        List<String> parts = new ArrayList<>();
        String last = null;
        int count = 0;
        for (String label : labels) {
            String text = label == null ? "" : label.strip().replace('\n', ' ');
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals(last)) {
                count++;
                continue;
            }
            if (last != null) {
                parts.add(count > 1 ? last + " (" + count + "\u00d7)" : last);
            }
            last = text;
            count = 1;
        }
        if (last != null) {
            parts.add(count > 1 ? last + " (" + count + "\u00d7)" : last);
        }
        return parts.isEmpty() ? "Save" : String.join("; ", parts);
    }

    /** Whether a label is the one of a synchronization's merge (its own message says more). */
    static boolean isSynchronize(String label) {
        return label.equals(KnowledgeBaseCommands.label("synchronize"));
    }
}
