package eu.urbanagenda.kb.git;

/**
 * Who a save is recorded as.
 *
 * @param name  the name, e.g. "Ana Petrova (Sofia)"
 * @param email the e-mail address (may be empty)
 */
public record Author(String name, String email) {

    public Author {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip();
    }

    public boolean isComplete() {
        return !name.isEmpty();
    }

    @Override
    public String toString() {
        return email.isEmpty() ? name : name + " <" + email + ">";
    }
}
