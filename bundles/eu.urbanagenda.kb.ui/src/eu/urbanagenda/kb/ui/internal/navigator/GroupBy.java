package eu.urbanagenda.kb.ui.internal.navigator;

import java.util.Locale;

/** How the navigator groups partnerships. The ids are the values of the Group By command's radio state. */
public enum GroupBy {
    GENERATION, STATUS, COUNTRY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupBy of(String id) {
        for (GroupBy by : values()) {
            if (by.id().equals(id)) {
                return by;
            }
        }
        return GENERATION;
    }
}
