package eu.urbanagenda.kb.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;

import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.EvidenceTarget;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Partnership;

/**
 * Which indexed documents (by SHA-256) are linked to which partnership: evidence that is not rejected, on the
 * partnership or one of its actions or priorities. An immutable snapshot, so searches on any thread can use it while
 * the knowledge base is edited; {@link KbSession#links()} gives the current one, taken again after every command.
 *
 * @param documentsByPartnership partnership id to the checksums of its documents, for every partnership
 * @param partnershipsByDocument checksum to the sorted ids of the partnerships it is linked to
 */
public record DocumentLinks(Map<String, Set<String>> documentsByPartnership, Map<String, List<String>> partnershipsByDocument) {

    /** No partnerships, no links. */
    public static final DocumentLinks EMPTY = new DocumentLinks(Map.of(), Map.of());

    /** The ids of the partnerships a document is linked to, confirmed or suggested; sorted. */
    public List<String> partnershipsOf(String sha256) {
        return partnershipsByDocument.getOrDefault(sha256, List.of());
    }

    /** Whether the knowledge base has a partnership with this id. */
    public boolean hasPartnership(String id) {
        return documentsByPartnership.containsKey(id);
    }

    /** The links of a knowledge base as it is now; call it where the model may be read. */
    public static DocumentLinks of(KnowledgeBase knowledgeBase) {
        if (knowledgeBase == null) {
            return EMPTY;
        }
        Map<String, Set<String>> byPartnership = new LinkedHashMap<>();
        for (Partnership partnership : knowledgeBase.getPartnerships()) {
            byPartnership.put(partnership.getId(), new TreeSet<>());
        }
        Map<String, Set<String>> byDocument = new TreeMap<>();
        for (Evidence evidence : knowledgeBase.getEvidence()) {
            if (evidence.getStatus() == EvidenceStatus.REJECTED || evidence.getDocument() == null
                    || evidence.getDocument().getChecksum() == null) {
                continue;
            }
            Partnership partnership = owningPartnership(evidence.getTarget());
            if (partnership != null && byPartnership.containsKey(partnership.getId())) {
                String sha = evidence.getDocument().getChecksum();
                byPartnership.get(partnership.getId()).add(sha);
                byDocument.computeIfAbsent(sha, k -> new TreeSet<>()).add(partnership.getId());
            }
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        byPartnership.forEach((id, shas) -> frozen.put(id, Set.copyOf(shas)));
        Map<String, List<String>> frozenDocs = new TreeMap<>();
        byDocument.forEach((sha, ids) -> frozenDocs.put(sha, List.copyOf(ids)));
        return new DocumentLinks(Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(frozenDocs));
    }

    /** The partnership itself, or the one that contains an action or priority; null for actors and issues. */
    private static Partnership owningPartnership(EvidenceTarget target) {
        for (EObject object = target; object != null; object = object.eContainer()) {
            if (object instanceof Partnership partnership) {
                return partnership;
            }
        }
        return null;
    }
}
