package eu.urbanagenda.kb.link;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.core.ModelMapping;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.model.DocumentFormat;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.EvidenceTarget;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;

/**
 * Linking indexed documents to the knowledge base: a found document becomes a {@link SourceDocument} (matched by
 * SHA-256, {@code doc-<first 12 hex>}, its location the absolute path or {@code seeds/<name>}) and evidence of a
 * partnership, action or actor. The workbench's drag and drop and {@code kb link} make their documents and evidence
 * here.
 */
public final class EvidenceEdits {

    private EvidenceEdits() {
    }

    /**
     * Links search hits to a partnership (or action) as confirmed evidence, in one command: a document the knowledge
     * base does not have yet is added first; evidence that exists is confirmed.
     *
     * @return the command, or {@code null} when every hit is already confirmed evidence of the target
     */
    public static Command linkDocuments(EditingDomain domain, KnowledgeBase kb, List<SearchHit> hits, EvidenceTarget target) {
        CompoundCommand compound = new CompoundCommand(KnowledgeBaseCommands.label("linkDocument"));
        Set<String> ids = KnowledgeBaseCommands.ids(kb);
        Set<String> seen = new HashSet<>();
        for (SearchHit hit : hits) {
            if (hit.sha256() == null || !seen.add(hit.sha256())) {
                continue;
            }
            SourceDocument document = kb.getDocuments().stream().filter(d -> hit.sha256().equals(d.getChecksum())).findFirst()
                    .orElse(null);
            if (document == null) {
                document = newDocument(hit, ids);
                compound.append(AddCommand.create(domain, kb, Literals.KNOWLEDGE_BASE__DOCUMENTS, document));
            }
            SourceDocument doc = document;
            Optional<Evidence> existing = kb.getEvidence().stream().filter(e -> e.getDocument() == doc && e.getTarget() == target)
                    .findFirst();
            if (existing.isPresent()) {
                if (existing.get().getStatus() != EvidenceStatus.CONFIRMED) {
                    compound.append(SetCommand.create(domain, existing.get(), Literals.EVIDENCE__STATUS, EvidenceStatus.CONFIRMED));
                }
                continue;
            }
            compound.append(AddCommand.create(domain, kb, Literals.KNOWLEDGE_BASE__EVIDENCE,
                    newEvidence(doc, target, EvidenceStatus.CONFIRMED, 1.0, hit.snippet() == null ? null : hit.snippet().text(), ids)));
        }
        return compound.isEmpty() ? null : compound;
    }

    /** A source document for an indexed file, with an id not in {@code ids} (which it is added to). */
    static SourceDocument newDocument(SearchHit hit, Set<String> ids) {
        SourceDocument document = UrbanAgendaFactory.eINSTANCE.createSourceDocument();
        document.setId(KnowledgeBaseCommands.uniqueId(ids, "doc-" + hit.sha256().substring(0, Math.min(12, hit.sha256().length()))));
        document.setTitle(hit.title() == null || hit.title().isBlank() ? hit.path().getFileName().toString() : hit.title());
        document.setLanguage(ModelMapping.language(hit.lang()));
        document.setLocation(KbLocations.documentLocation(hit.path()));
        DocumentFormat format = ModelMapping.format(hit.format());
        if (format != null) {
            document.setFormat(format);
        }
        document.setEncoding(hit.encoding());
        document.setDate(hit.date());
        document.setChecksum(hit.sha256());
        return document;
    }

    /** Evidence that {@code document} speaks of {@code target}, with an id not in {@code ids}. */
    static Evidence newEvidence(SourceDocument document, EvidenceTarget target, EvidenceStatus status, double score,
            String passage, Set<String> ids) {
        Evidence evidence = UrbanAgendaFactory.eINSTANCE.createEvidence();
        evidence.setId(KnowledgeBaseCommands.uniqueId(ids, "evidence-" + document.getId() + "-" + target.getId()));
        evidence.setDocument(document);
        evidence.setTarget(target);
        evidence.setStatus(status);
        evidence.setScore(score);
        evidence.setSnippet(passage);
        return evidence;
    }
}
