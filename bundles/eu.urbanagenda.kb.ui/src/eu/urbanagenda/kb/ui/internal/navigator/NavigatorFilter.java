package eu.urbanagenda.kb.ui.internal.navigator;

import java.util.Locale;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Partnership;

/**
 * The filter box: keeps partnerships whose name (in any language), id, or coordinator (name or country) contains the
 * text, with their groups and everything below them; in the knowledge base's other folders, objects whose name
 * contains it.
 */
class NavigatorFilter extends ViewerFilter {

    private final NavigatorContent content;
    private String text = "";

    NavigatorFilter(NavigatorContent content) {
        this.content = content;
    }

    /** Returns whether the text changed. */
    boolean setText(String filter) {
        String normalized = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals(text)) {
            return false;
        }
        text = normalized;
        return true;
    }

    boolean isActive() {
        return !text.isEmpty();
    }

    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
        if (text.isEmpty() || element instanceof KnowledgeBase) {
            return true;
        }
        if (element instanceof GroupNode group) {
            for (Object child : content.getChildren(group)) {
                if (NavigatorContent.matches((Partnership) child, text)) {
                    return true;
                }
            }
            return false;
        }
        if (element instanceof Partnership partnership) {
            return NavigatorContent.matches(partnership, text);
        }
        if (element instanceof FolderNode folder) {
            if (folder.owner() instanceof Partnership) {
                return true;
            }
            return content.items(folder).stream().anyMatch(item -> NavigatorContent.searchableText(item).contains(text));
        }
        if (parent instanceof org.eclipse.jface.viewers.TreePath path) {
            parent = path.getLastSegment();
        }
        if (parent instanceof FolderNode folder && folder.owner() instanceof Partnership) {
            return true;
        }
        return NavigatorContent.searchableText(element).contains(text);
    }
}
