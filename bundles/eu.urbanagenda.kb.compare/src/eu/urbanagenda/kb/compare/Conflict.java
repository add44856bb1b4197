package eu.urbanagenda.kb.compare;

import java.util.List;

/**
 * Two changes of a merge that cannot both be kept: the same feature changed two ways, an object deleted on one side
 * and changed on the other, or changes that are each valid but break a rule of the model together. The user takes
 * one side; nothing of the other is dropped without that choice.
 *
 * @param kind         what kind of conflict
 * @param id           a short, stable name for choosing a side from the command line: the object's key and the
 *                     feature, e.g. {@code digital-transition.status}, {@code digital-transition/names[bg].value},
 *                     {@code housing}
 * @param subjectId    the id of the object the conflict is about (the nearest object with an id)
 * @param subject      that object in words ("Partnership Digital Transition")
 * @param what         what both changed, in words ("Status", "Name (bg)", or the object for a deletion)
 * @param mine         this side's change in words ("completed", "deleted", "Status: active → starting")
 * @param theirs       the other side's change in words
 * @param reason       for {@link Kind#INVALID_TOGETHER}, the rule the two sides break together; empty otherwise
 * @param theirChanges what taking {@link Side#THEIRS} applies (against the other side's version)
 */
public record Conflict(Kind kind, String id, String subjectId, String subject, String what, String mine, String theirs,
        String reason, List<ModelChange> theirChanges) {

    public enum Kind {
        /** The same feature changed to two different values. */
        BOTH_CHANGED,
        /** Deleted on this side, changed (or referred to) on the other. */
        DELETED_HERE,
        /** Deleted on the other side, changed (or referred to) on this one. */
        DELETED_THERE,
        /** Changes of both sides to one object that break a rule of the model together. */
        INVALID_TOGETHER
    }
}
