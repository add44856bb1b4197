package eu.urbanagenda.kb.git;

import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

/**
 * The author the user chose in the workbench's preferences (instance scope of {@value #QUALIFIER}), read at each save so
 * that a change applies at once. Where no instance location is set (the command line), there is none, and Git's
 * configuration applies.
 */
public final class AuthorPreference {

    /** The preference node. */
    public static final String QUALIFIER = "eu.urbanagenda.kb.git";
    /** The author's name; empty: Git's configuration. */
    public static final String NAME = "authorName";
    /** The author's e-mail address. */
    public static final String EMAIL = "authorEmail";

    private AuthorPreference() {
    }

    /** The author chosen in the preferences, if a name was given. */
    public static Optional<Author> read() {
        try {
            IEclipsePreferences node = InstanceScope.INSTANCE.getNode(QUALIFIER);
            Author author = new Author(node.get(NAME, ""), node.get(EMAIL, ""));
            return author.isComplete() ? Optional.of(author) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // no instance location (or preferences not running): none chosen
        }
    }
}
