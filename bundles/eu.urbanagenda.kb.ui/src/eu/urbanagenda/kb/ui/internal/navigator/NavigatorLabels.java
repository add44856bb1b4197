package eu.urbanagenda.kb.ui.internal.navigator;

import java.util.function.BooleanSupplier;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.emf.KbLabelProvider;
import eu.urbanagenda.kb.ui.internal.Messages;

/** The navigator's labels: the item providers' for model objects, with counts and qualifiers in a lighter style. */
class NavigatorLabels extends KbLabelProvider {

    private final NavigatorContent content;
    private final BooleanSupplier dirty;

    NavigatorLabels(AdapterFactory adapterFactory, NavigatorContent content, BooleanSupplier dirty) {
        super(adapterFactory);
        this.content = content;
        this.dirty = dirty;
    }

    @Override
    public StyledString getStyledText(Object element) {
        if (element instanceof KnowledgeBase kb) {
            StyledString text = new StyledString((dirty.getAsBoolean() ? "*" : "") + Localized.name(kb));
            if (dirty.getAsBoolean()) {
                text.append("  " + Messages.Navigator_unsaved, StyledString.DECORATIONS_STYLER);
            }
            return text;
        }
        if (element instanceof GroupNode group) {
            StyledString text = new StyledString(group.label());
            int count = content.getChildren(group).length;
            return text.append(" (" + count + ")", StyledString.COUNTER_STYLER);
        }
        if (element instanceof FolderNode folder) {
            return new StyledString(folderName(folder.kind())).append(" (" + content.items(folder).size() + ")",
                    StyledString.COUNTER_STYLER);
        }
        if (element instanceof Partnership partnership) {
            StyledString text = new StyledString(Localized.name(partnership));
            StringBuilder qualifier = new StringBuilder();
            if (partnership.isSetStatus()) {
                qualifier.append(KnowledgeBaseLabels.literal(partnership.getStatus()));
            }
            if (partnership.getStartYear() != null) {
                qualifier.append(qualifier.isEmpty() ? "" : ", ").append(partnership.getStartYear())
                        .append(partnership.getEndYear() != null ? "–" + partnership.getEndYear() : "");
            }
            if (!qualifier.isEmpty()) {
                text.append("  " + qualifier, StyledString.QUALIFIER_STYLER);
            }
            return text;
        }
        if (element instanceof Participation participation && participation.getActor() != null) {
            Actor actor = participation.getActor();
            StyledString text = new StyledString(Localized.name(actor));
            if (actor.getCountry() != null) {
                text.append("  " + actor.getCountry(), StyledString.QUALIFIER_STYLER);
            }
            return text;
        }
        if (element instanceof SourceDocument document) {
            StyledString text = new StyledString(getText(document));
            if (document.isSetLanguage()) {
                text.append("  " + document.getLanguage().getLiteral(), StyledString.QUALIFIER_STYLER);
            }
            return text;
        }
        return new StyledString(getText(element));
    }

    @Override
    public String getText(Object element) {
        if (element instanceof GroupNode || element instanceof FolderNode || element instanceof KnowledgeBase
                || element instanceof Partnership || element instanceof Participation) {
            return getStyledText(element).getString();
        }
        return super.getText(element);
    }

    @Override
    public Image getImage(Object element) {
        if (element instanceof GroupNode || element instanceof FolderNode) {
            return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FOLDER);
        }
        if (element instanceof Participation participation && participation.getActor() != null) {
            return super.getImage(participation.getActor());
        }
        return super.getImage(element);
    }

    static String folderName(FolderNode.Kind kind) {
        return switch (kind) {
        case COORDINATORS -> Messages.Navigator_coordinators;
        case ACTIONS -> Messages.Navigator_actions;
        case SOURCES -> Messages.Navigator_sources;
        case ACTORS -> Messages.Navigator_actors;
        case ISSUES -> Messages.Navigator_issues;
        case PILLARS -> Messages.Navigator_pillars;
        case DOCUMENTS -> Messages.Navigator_documents;
        };
    }
}
