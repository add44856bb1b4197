package eu.urbanagenda.kb.ui.internal.navigator;

import org.eclipse.emf.ecore.EObject;

/**
 * A folder in the navigator: the coordinators, actions or linked sources of a partnership, or the actors, issues,
 * pillars and documents of the knowledge base.
 *
 * @param owner the partnership or knowledge base
 * @param kind  what the folder holds
 */
public record FolderNode(EObject owner, Kind kind) {

    public enum Kind {
        COORDINATORS, ACTIONS, SOURCES, ACTORS, ISSUES, PILLARS, DOCUMENTS
    }
}
