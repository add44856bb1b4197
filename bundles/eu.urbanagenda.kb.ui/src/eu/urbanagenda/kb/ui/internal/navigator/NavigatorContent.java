package eu.urbanagenda.kb.ui.internal.navigator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.ITreeContentProvider;

import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.CrossCuttingIssue;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.Pillar;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.emf.KbContentProvider;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The navigator's tree: knowledge base → partnerships grouped by generation, status or coordinator country →
 * coordinators, actions and linked sources; then the actors, cross-cutting issues, pillars and documents. Model
 * objects below those come from the item providers ({@link KbContentProvider}).
 */
public class NavigatorContent implements ITreeContentProvider {

    private KbContentProvider emf;
    private GroupBy groupBy = GroupBy.GENERATION;

    /** Model objects below the navigator's own nodes come from {@code emf} (the session's item providers). */
    public void setEmf(KbContentProvider emf) {
        this.emf = emf;
    }

    public void setGroupBy(GroupBy groupBy) {
        this.groupBy = groupBy;
    }

    public GroupBy getGroupBy() {
        return groupBy;
    }

    /**
     * The navigator's input: the knowledge base is its one root element, so it must not be the input itself (a tree
     * viewer keeps its input and its elements apart).
     */
    public record Input(KnowledgeBase knowledgeBase) {
    }

    @Override
    public Object[] getElements(Object input) {
        return input instanceof Input root ? new Object[] { root.knowledgeBase() } : new Object[0];
    }

    @Override
    public Object[] getChildren(Object parent) {
        if (parent instanceof KnowledgeBase kb) {
            List<Object> children = new ArrayList<>(groups(kb).keySet());
            for (FolderNode.Kind kind : List.of(FolderNode.Kind.ACTORS, FolderNode.Kind.ISSUES, FolderNode.Kind.PILLARS,
                    FolderNode.Kind.DOCUMENTS)) {
                children.add(new FolderNode(kb, kind));
            }
            return children.toArray();
        }
        if (parent instanceof GroupNode group) {
            KnowledgeBase kb = currentKb;
            return kb == null ? new Object[0] : groups(kb).getOrDefault(group, List.of()).toArray();
        }
        if (parent instanceof Partnership partnership) {
            return new Object[] { new FolderNode(partnership, FolderNode.Kind.COORDINATORS),
                    new FolderNode(partnership, FolderNode.Kind.ACTIONS), new FolderNode(partnership, FolderNode.Kind.SOURCES) };
        }
        if (parent instanceof FolderNode folder) {
            return items(folder).toArray();
        }
        return new Object[0];
    }

    private KnowledgeBase currentKb;

    @Override
    public void inputChanged(org.eclipse.jface.viewers.Viewer viewer, Object oldInput, Object newInput) {
        currentKb = newInput instanceof Input root ? root.knowledgeBase() : null;
    }

    /** The items of a folder. */
    public List<?> items(FolderNode folder) {
        EObject owner = folder.owner();
        switch (folder.kind()) {
        case COORDINATORS:
            return ((Partnership) owner).getParticipations().stream()
                    .filter(p -> p.getRole() == Role.COORDINATOR && p.getAction() == null).toList();
        case ACTIONS:
            return ((Partnership) owner).getActions();
        case SOURCES:
            return sources((Partnership) owner);
        case ACTORS:
            return sortedByName(((KnowledgeBase) owner).getActors());
        case ISSUES:
            return ((KnowledgeBase) owner).getCrossCuttingIssues();
        case PILLARS:
            return ((KnowledgeBase) owner).getPillars();
        case DOCUMENTS:
            return ((KnowledgeBase) owner).getDocuments();
        default:
            return List.of();
        }
    }

    /** The documents linked to a partnership or its actions by evidence that is not rejected. */
    public static List<SourceDocument> sources(Partnership partnership) {
        KnowledgeBase kb = (KnowledgeBase) partnership.eContainer();
        Set<SourceDocument> documents = new LinkedHashSet<>();
        if (kb != null) {
            for (Evidence evidence : kb.getEvidence()) {
                if (evidence.getStatus() != EvidenceStatus.REJECTED && evidence.getDocument() != null
                        && (evidence.getTarget() == partnership
                                || evidence.getTarget() instanceof Action action && action.eContainer() == partnership)) {
                    documents.add(evidence.getDocument());
                }
            }
        }
        return new ArrayList<>(documents);
    }

    private static <T extends EObject> List<T> sortedByName(List<T> objects) {
        List<T> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing(o -> KnowledgeBaseLabels.text(o).toLowerCase(Locale.ROOT)));
        return sorted;
    }

    /** The groups of the current grouping, in order, each with its partnerships sorted by name. */
    public Map<GroupNode, List<Partnership>> groups(KnowledgeBase kb) {
        Map<GroupNode, List<Partnership>> groups = new TreeMap<>(
                Comparator.comparingInt(GroupNode::order).thenComparing(GroupNode::label));
        for (Partnership partnership : sortedByName(kb.getPartnerships())) {
            for (GroupNode group : groupsOf(partnership)) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(partnership);
            }
        }
        return groups;
    }

    /** The groups a partnership is in (several when grouped by country and its coordinators come from several). */
    public List<GroupNode> groupsOf(Partnership partnership) {
        switch (groupBy) {
        case STATUS:
            return List.of(partnership.isSetStatus()
                    ? new GroupNode(groupBy, partnership.getStatus().getLiteral(), KnowledgeBaseLabels.literal(partnership.getStatus()),
                            partnership.getStatus().getValue())
                    : none());
        case COUNTRY:
            Set<String> countries = new LinkedHashSet<>();
            for (Participation participation : partnership.getParticipations()) {
                if (participation.getRole() == Role.COORDINATOR && participation.getActor() != null
                        && participation.getActor().getCountry() != null) {
                    countries.add(participation.getActor().getCountry());
                }
            }
            if (countries.isEmpty()) {
                return List.of(none());
            }
            return countries.stream().map(code -> new GroupNode(groupBy, code, countryLabel(code), 0)).toList();
        case GENERATION:
        default:
            return List.of(partnership.isSetGeneration()
                    ? new GroupNode(groupBy, partnership.getGeneration().getLiteral(),
                            KnowledgeBaseLabels.literal(partnership.getGeneration()), partnership.getGeneration().getValue())
                    : none());
        }
    }

    private GroupNode none() {
        String label = groupBy == GroupBy.COUNTRY ? Messages.Navigator_noCoordinator : Messages.Navigator_notSet;
        return new GroupNode(groupBy, "", label, Integer.MAX_VALUE);
    }

    /** "BG · Bulgaria" with the country's name in the user's language. */
    public static String countryLabel(String code) {
        String name;
        if ("EU".equals(code)) {
            name = Messages.Navigator_europeanUnion;
        } else {
            name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.getDefault());
        }
        return name == null || name.isBlank() || name.equals(code) ? code : name + " (" + code + ")";
    }

    @Override
    public Object getParent(Object element) {
        if (element instanceof KnowledgeBase) {
            return null;
        }
        if (element instanceof GroupNode) {
            return currentKb;
        }
        if (element instanceof Partnership partnership) {
            List<GroupNode> groups = groupsOf(partnership);
            return groups.isEmpty() ? null : groups.get(0);
        }
        if (element instanceof FolderNode folder) {
            return folder.owner();
        }
        if (element instanceof Participation participation && participation.eContainer() instanceof Partnership p) {
            return new FolderNode(p, FolderNode.Kind.COORDINATORS);
        }
        if (element instanceof Action action && action.eContainer() instanceof Partnership p) {
            return new FolderNode(p, FolderNode.Kind.ACTIONS);
        }
        if (element instanceof EObject object && object.eContainer() instanceof KnowledgeBase kb) {
            if (object instanceof Actor) {
                return new FolderNode(kb, FolderNode.Kind.ACTORS);
            }
            if (object instanceof CrossCuttingIssue) {
                return new FolderNode(kb, FolderNode.Kind.ISSUES);
            }
            if (object instanceof Pillar) {
                return new FolderNode(kb, FolderNode.Kind.PILLARS);
            }
            if (object instanceof SourceDocument) {
                return new FolderNode(kb, FolderNode.Kind.DOCUMENTS);
            }
        }
        return emf == null ? null : emf.getParent(element);
    }

    @Override
    public boolean hasChildren(Object element) {
        if (element instanceof KnowledgeBase || element instanceof GroupNode || element instanceof Partnership) {
            return true;
        }
        if (element instanceof FolderNode folder) {
            return !items(folder).isEmpty();
        }
        return false;
    }

    /**
     * The node that shows a model object (or the closest one that does): a name shows as its owner, an action leader
     * as the partnership, evidence as its document.
     */
    public Object nodeFor(Object object) {
        if (object instanceof eu.urbanagenda.kb.model.LocalizedString text) {
            return nodeFor(text.eContainer());
        }
        if (object instanceof Participation participation) {
            boolean shown = participation.getRole() == Role.COORDINATOR && participation.getAction() == null;
            return shown ? participation : nodeFor(participation.eContainer());
        }
        if (object instanceof Evidence evidence) {
            return evidence.getDocument() != null ? evidence.getDocument() : currentKb;
        }
        if (object instanceof eu.urbanagenda.kb.model.Priority priority) {
            return nodeFor(priority.eContainer());
        }
        if (object instanceof eu.urbanagenda.kb.model.SavedSearch) {
            return currentKb;
        }
        return object;
    }

    /** The English, Ukrainian and Bulgarian names (and id) of an object, for the filter. */
    static String searchableText(Object element) {
        StringBuilder text = new StringBuilder();
        if (element instanceof eu.urbanagenda.kb.model.Named named) {
            text.append(named.getId()).append(' ');
            named.getNames().forEach(n -> text.append(n.getValue()).append(' '));
        }
        if (element instanceof Actor actor && actor.getCountry() != null) {
            text.append(actor.getCountry()).append(' ').append(countryLabel(actor.getCountry())).append(' ');
        }
        if (element instanceof Participation participation && participation.getActor() != null) {
            text.append(searchableText(participation.getActor()));
        }
        if (element instanceof SourceDocument document) {
            text.append(document.getId()).append(' ').append(document.getTitle()).append(' ').append(document.getLocation());
        }
        if (text.isEmpty() && element instanceof EObject object) {
            text.append(KnowledgeBaseLabels.text(object));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether a partnership matches the filter text: any of its names, its id, or a coordinator's name or country. */
    static boolean matches(Partnership partnership, String filter) {
        if (searchableText(partnership).contains(filter)) {
            return true;
        }
        for (Participation participation : partnership.getParticipations()) {
            if (participation.getRole() == Role.COORDINATOR && searchableText(participation).contains(filter)) {
                return true;
            }
        }
        return Localized.name(partnership).toLowerCase(Locale.ROOT).contains(filter);
    }
}
