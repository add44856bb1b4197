package eu.urbanagenda.kb.model.tests;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.ActorKind;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.Generation;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;
import eu.urbanagenda.kb.model.localization.Localized;

/** A small valid knowledge base built in code, for tests that break one thing at a time. */
public final class ModelBuilder {

    public static final UrbanAgendaFactory F = UrbanAgendaFactory.eINSTANCE;

    public final KnowledgeBase kb = F.createKnowledgeBase();
    public final Actor sofia = F.createActor();
    public final Partnership digital = F.createPartnership();
    public final SourceDocument document = F.createSourceDocument();
    public final Evidence evidence = F.createEvidence();

    public ModelBuilder() {
        kb.setId("test-kb");
        kb.getNames().add(Localized.of(Language.EN, "Test knowledge base", false));
        sofia.setId("city-sofia");
        sofia.setKind(ActorKind.CITY);
        sofia.setCountry("BG");
        sofia.getNames().add(Localized.of(Language.EN, "Sofia", false));
        sofia.getNames().add(Localized.of(Language.BG, "София", false));
        sofia.getNames().add(Localized.of(Language.UK, "Софія", false));
        kb.getActors().add(sofia);
        digital.setId("digital-transition");
        digital.setStatus(PartnershipStatus.COMPLETED);
        digital.setGeneration(Generation.AMSTERDAM2016);
        digital.setStartYear(2017);
        digital.getNames().add(Localized.of(Language.EN, "Digital Transition", false));
        digital.getNames().add(Localized.of(Language.UK, "Цифровий перехід", true));
        digital.getParticipations().add(participation(sofia, Role.COORDINATOR));
        kb.getPartnerships().add(digital);
        document.setId("doc-1");
        document.setLocation("seeds/004_f6014b7996f6aa18.txt");
        document.setChecksum("0".repeat(64));
        kb.getDocuments().add(document);
        evidence.setId("evidence-1");
        evidence.setDocument(document);
        evidence.setTarget(digital);
        evidence.setStatus(EvidenceStatus.CONFIRMED);
        evidence.setScore(1.0);
        kb.getEvidence().add(evidence);
    }

    public static Participation participation(Actor actor, Role role) {
        Participation participation = F.createParticipation();
        participation.setActor(actor);
        participation.setRole(role);
        return participation;
    }
}
