package eu.urbanagenda.kb.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.EvidenceTarget;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;

/**
 * What storing proposals changes in a knowledge base, as one undoable command: new source documents
 * (matched to indexed files by SHA-256), new suggested evidence, and new scores and passages for suggestions
 * already there. Confirmed and rejected evidence is never touched, so a re-run changes nothing a person
 * decided, and a re-run on the same index changes nothing at all.
 *
 * @param command        the command to execute on the editing domain's command stack; null when nothing changes
 * @param added          new suggestions
 * @param updated        suggestions whose score or passage changed
 * @param unchanged      suggestions already there as proposed
 * @param keptConfirmed  proposals for links a person had confirmed
 * @param keptRejected   proposals for links a person had rejected
 * @param newDocuments   source documents added to the knowledge base
 */
public record LinkChanges(Command command, int added, int updated, int unchanged, int keptConfirmed, int keptRejected,
        int newDocuments) {

    public boolean isEmpty() {
        return command == null;
    }

    public String summary() {
        return added + " new suggestions, " + updated + " updated, " + unchanged + " unchanged, " + keptConfirmed
                + " already confirmed, " + keptRejected + " rejected before (kept), " + newDocuments + " new source documents";
    }

    /** Plans the changes for the proposals; call it where the knowledge base may be read. */
    public static LinkChanges plan(EditingDomain domain, KnowledgeBase knowledgeBase, List<Proposal> proposals) {
        Map<String, SourceDocument> documentsByChecksum = new HashMap<>();
        for (SourceDocument document : knowledgeBase.getDocuments()) {
            if (document.getChecksum() != null) {
                documentsByChecksum.putIfAbsent(document.getChecksum(), document);
            }
        }
        Map<String, Evidence> evidenceByKey = new HashMap<>();
        for (Evidence evidence : knowledgeBase.getEvidence()) {
            if (evidence.getDocument() != null && evidence.getTarget() != null) {
                evidenceByKey.putIfAbsent(key(evidence.getDocument().getChecksum(), evidence.getTarget().getId()), evidence);
            }
        }
        Set<String> ids = KnowledgeBaseCommands.ids(knowledgeBase);
        Map<String, EvidenceTarget> targets = new HashMap<>();
        knowledgeBase.eAllContents().forEachRemaining(o -> {
            if (o instanceof EvidenceTarget target && target.getId() != null) {
                targets.putIfAbsent(target.getId(), target);
            }
        });

        List<SourceDocument> newDocuments = new ArrayList<>();
        List<Evidence> newEvidence = new ArrayList<>();
        CompoundCommand updates = new CompoundCommand();
        int updated = 0;
        int unchanged = 0;
        int confirmed = 0;
        int rejected = 0;
        Set<String> seen = new HashSet<>();
        for (Proposal proposal : proposals) {
            EvidenceTarget target = targets.get(proposal.targetId());
            String key = key(proposal.sha256(), proposal.targetId());
            if (target == null || !seen.add(key)) {
                continue;
            }
            Evidence existing = evidenceByKey.get(key);
            if (existing != null) {
                switch (existing.getStatus()) {
                    case CONFIRMED -> confirmed++;
                    case REJECTED -> rejected++;
                    default -> {
                        boolean sameScore = Math.abs(existing.getScore() - proposal.score()) < 1e-9;
                        boolean sameSnippet = java.util.Objects.equals(existing.getSnippet(), proposal.passage());
                        if (sameScore && sameSnippet) {
                            unchanged++;
                        } else {
                            updated++;
                            if (!sameScore) {
                                updates.append(SetCommand.create(domain, existing, UrbanAgendaPackage.Literals.EVIDENCE__SCORE, proposal.score()));
                            }
                            if (!sameSnippet) {
                                updates.append(SetCommand.create(domain, existing, UrbanAgendaPackage.Literals.EVIDENCE__SNIPPET, proposal.passage()));
                            }
                        }
                    }
                }
                continue;
            }
            SourceDocument document = documentsByChecksum.get(proposal.sha256());
            if (document == null) {
                document = EvidenceEdits.newDocument(proposal.document(), ids);
                documentsByChecksum.put(proposal.sha256(), document);
                newDocuments.add(document);
            }
            Evidence evidence = EvidenceEdits.newEvidence(document, target, EvidenceStatus.SUGGESTED, proposal.score(),
                    proposal.passage(), ids);
            newEvidence.add(evidence);
            evidenceByKey.put(key, evidence);
        }
        CompoundCommand command = new CompoundCommand("Link documents");
        if (!newDocuments.isEmpty()) {
            command.append(AddCommand.create(domain, knowledgeBase, UrbanAgendaPackage.Literals.KNOWLEDGE_BASE__DOCUMENTS, newDocuments));
        }
        if (!newEvidence.isEmpty()) {
            command.append(AddCommand.create(domain, knowledgeBase, UrbanAgendaPackage.Literals.KNOWLEDGE_BASE__EVIDENCE, newEvidence));
        }
        if (!updates.isEmpty()) {
            command.append(updates.unwrap());
        }
        return new LinkChanges(command.isEmpty() ? null : command, newEvidence.size(), updated, unchanged, confirmed, rejected,
                newDocuments.size());
    }

    private static String key(String sha256, String targetId) {
        return sha256 + " " + targetId;
    }
}
