package eu.urbanagenda.kb.compare;

/**
 * A change in words.
 *
 * @param change    the change
 * @param subjectId the id of the object it is about (the nearest object with an id), or {@code null} for the root
 * @param subject   that object in words ("Partnership Digital Transition"), empty for the knowledge base itself
 * @param text      the change in words, without the subject ("Status: active → completed", "Name (bg) changed")
 * @param detail    the values where {@code text} does not show them ("Дигитален преход → Цифров преход"), or empty
 */
public record ChangeDescription(ModelChange change, String subjectId, String subject, String text, String detail) {

    /** One line: the subject (unless it is {@code viewedId}, the object whose history is shown), the text, the detail. */
    public String line(String viewedId) {
        StringBuilder line = new StringBuilder();
        if (!subject.isEmpty() && (viewedId == null || !viewedId.equals(subjectId))) {
            line.append(subject).append(": ");
        }
        line.append(text);
        if (!detail.isEmpty()) {
            line.append(" (").append(detail).append(')');
        }
        return line.toString();
    }
}
