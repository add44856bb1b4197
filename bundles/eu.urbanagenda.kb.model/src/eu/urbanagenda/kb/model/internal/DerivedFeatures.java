package eu.urbanagenda.kb.model.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.util.EcoreEList;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;

/** The values of the model's derived features (called from the generated code's {@code @generated NOT} methods). */
public final class DerivedFeatures {

    private DerivedFeatures() {
    }

    /** The actors of a partnership's participations in the given role, each once, in participation order. */
    public static EList<Actor> actorsInRole(Partnership partnership, Role role, EReference feature) {
        Set<Actor> actors = new LinkedHashSet<>();
        for (Participation participation : partnership.getParticipations()) {
            if (participation.getRole() == role && participation.getActor() != null) {
                actors.add(participation.getActor());
            }
        }
        return unmodifiable(partnership, feature, new ArrayList<>(actors));
    }

    /**
     * The documents of the evidence, in the partnership's knowledge base, that points at the partnership or at one of
     * its actions and is not rejected; each once, in evidence order.
     */
    public static EList<SourceDocument> sources(Partnership partnership) {
        Set<SourceDocument> documents = new LinkedHashSet<>();
        EObject container = partnership.eContainer();
        if (container instanceof KnowledgeBase knowledgeBase) {
            for (Evidence evidence : knowledgeBase.getEvidence()) {
                EObject target = evidence.getTarget();
                boolean aboutPartnership = target == partnership
                    || target != null && target.eContainer() == partnership;
                if (aboutPartnership && evidence.getStatus() != EvidenceStatus.REJECTED && evidence.getDocument() != null) {
                    documents.add(evidence.getDocument());
                }
            }
        }
        return unmodifiable(partnership, UrbanAgendaPackage.Literals.PARTNERSHIP__SOURCES, new ArrayList<>(documents));
    }

    private static <T> EList<T> unmodifiable(EObject owner, EReference feature, List<T> values) {
        return new EcoreEList.UnmodifiableEList<>((InternalEObject) owner, feature, values.size(), values.toArray());
    }
}
