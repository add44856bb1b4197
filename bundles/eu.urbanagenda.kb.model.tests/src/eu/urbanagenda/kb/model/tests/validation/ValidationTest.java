package eu.urbanagenda.kb.model.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.tests.ModelBuilder;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/** Each constraint, broken on an otherwise valid model: the validator reports it, naming the rule and the object. */
class ValidationTest {

    @Test
    void theUnbrokenModelHasNoErrorsNorWarnings() {
        Diagnostic diagnostic = KnowledgeBaseValidation.validate(new ModelBuilder().kb);
        assertEquals(Diagnostic.OK, diagnostic.getSeverity(), () -> String.join("\n", KnowledgeBaseValidation.messages(diagnostic, true)));
    }

    static Stream<Arguments> brokenModels() {
        int thisYear = Year.now().getValue();
        return Stream.of(
            broken("HasCoordinator", "Partnership 'digital-transition'", m -> m.digital.getParticipations().clear()),
            broken("HasCoordinator", "Partnership 'digital-transition'",
                m -> m.digital.getParticipations().get(0).setRole(Role.MEMBER)),
            broken("HasEnglishName", "Partnership 'digital-transition'",
                m -> m.digital.getNames().removeIf(n -> n.getLanguage() == Language.EN)),
            broken("HasEnglishName", "Actor 'city-sofia'", m -> m.sofia.getNames().get(0).setLanguage(Language.RU)),
            broken("OneNamePerLanguage", "Actor 'city-sofia'", m -> m.sofia.getNames().add(Localized.of(Language.BG, "Софийска община", false))),
            broken("HasValue", "LocalizedString [uk]", m -> m.digital.getNames().get(1).setValue(" ")),
            broken("UniqueId", "Actor 'digital-transition'", m -> m.sofia.setId("digital-transition")),
            broken("IdWellFormed", "Partnership 'Digital Transition'", m -> m.digital.setId("Digital Transition")),
            broken("IdWellFormed", "Actor 'null'", m -> m.sofia.setId(null)),
            broken("ValidCountryCode", "Actor 'city-sofia'", m -> m.sofia.setCountry("XX")),
            broken("ValidCountryCode", "Actor 'city-sofia'", m -> m.sofia.setCountry("bg")),
            broken("ValidCountryCode", "Actor 'city-sofia'", m -> m.sofia.setCountry(null)),
            broken("YearsInRange", "Partnership 'digital-transition'", m -> m.digital.setStartYear(2014)),
            broken("YearsInRange", "Partnership 'digital-transition'", m -> m.digital.setActionPlanYear(thisYear + 2)),
            broken("YearsInRange", "Partnership 'digital-transition'", m -> m.digital.setEndYear(1999)),
            broken("ActiveHasNoEndYear", "Partnership 'digital-transition'", m -> {
                m.digital.setStatus(PartnershipStatus.ACTIVE);
                m.digital.setEndYear(2020);
            }),
            broken("KnownUnconfirmedFeatures", "Partnership 'digital-transition'", m -> m.digital.getUnconfirmed().add("cooordinators")),
            broken("HasDocument", "Evidence 'evidence-1'", m -> m.evidence.setDocument(null)),
            broken("HasDocument", "Evidence 'evidence-1'", m -> {
                // a document that is not in the knowledge base: a dangling reference
                m.kb.getDocuments().remove(m.document);
            }),
            broken("HasTarget", "Evidence 'evidence-1'", m -> m.evidence.setTarget(null)),
            broken("HasTarget", "Evidence 'evidence-1'", m -> {
                Actor stranger = UrbanAgendaFactory.eINSTANCE.createActor();
                stranger.setId("city-elsewhere");
                m.evidence.setTarget(stranger);
            }),
            broken("ScoreInRange", "Evidence 'evidence-1'", m -> m.evidence.setScore(1.5)),
            broken("ScoreInRange", "Evidence 'evidence-1'", m -> m.evidence.setScore(Double.NaN)),
            broken("HasLocation", "SourceDocument 'doc-1'", m -> m.document.setLocation("")),
            broken("ChecksumFormat", "SourceDocument 'doc-1'", m -> m.document.setChecksum("ABC")),
            broken("ChecksumFormat", "SourceDocument 'doc-1'", m -> m.document.setChecksum("A".repeat(64))),
            broken("HasActor", "Participation (participations #1 of Partnership 'digital-transition'", m -> m.digital.getParticipations().get(0).setActor(null)),
            broken("HasActor", "Participation (participations #2 of Partnership 'digital-transition'",
                m -> m.digital.getParticipations().add(ModelBuilder.participation(m.sofia, Role.ACTION_LEADER))));
    }

    private static Arguments broken(String rule, String object, Consumer<ModelBuilder> breaker) {
        return Arguments.of(rule, object, breaker);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("brokenModels")
    void aBrokenRuleIsAnErrorNamingTheRuleAndTheObject(String rule, String object, Consumer<ModelBuilder> breaker) {
        ModelBuilder model = new ModelBuilder();
        breaker.accept(model);
        Diagnostic diagnostic = KnowledgeBaseValidation.validate(model.kb);
        List<String> errors = KnowledgeBaseValidation.messages(diagnostic, false);
        assertEquals(Diagnostic.ERROR, diagnostic.getSeverity(), "expected an error for " + rule);
        assertTrue(errors.stream().anyMatch(m -> m.contains("[" + rule + "]") && m.contains(object)),
            () -> "no error naming [" + rule + "] and " + object + " in:\n" + String.join("\n", errors));
    }

    @Test
    void theYearRuleFollowsTheClock() {
        ModelBuilder model = new ModelBuilder();
        int thisYear = Year.now().getValue();
        model.digital.setActionPlanYear(thisYear + 1);
        assertEquals(Diagnostic.OK, KnowledgeBaseValidation.validate(model.kb).getSeverity(), "next year is allowed");
        model.digital.setActionPlanYear(thisYear + 2);
        assertEquals(Diagnostic.ERROR, KnowledgeBaseValidation.validate(model.kb).getSeverity(), "the year after next is not");
        Clock later = Clock.fixed(Instant.parse((thisYear + 1) + "-06-01T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(Diagnostic.OK, KnowledgeBaseValidation.validate(model.kb, later).getSeverity(), "a year later, it is");
    }

    @Test
    void unconfirmedCoordinatorsAreAWarningNotAnError() {
        ModelBuilder model = new ModelBuilder();
        model.digital.getParticipations().clear();
        model.digital.getUnconfirmed().add("coordinators");
        Diagnostic diagnostic = KnowledgeBaseValidation.validate(model.kb);
        assertEquals(Diagnostic.WARNING, diagnostic.getSeverity());
        assertTrue(KnowledgeBaseValidation.messages(diagnostic, true).get(0).contains("[HasCoordinator] Partnership 'digital-transition' (Digital Transition)"));
    }

    @Test
    void completedPartnershipsMayHaveAnEndYear() {
        ModelBuilder model = new ModelBuilder();
        model.digital.setStatus(PartnershipStatus.COMPLETED);
        model.digital.setEndYear(2019);
        assertEquals(Diagnostic.OK, KnowledgeBaseValidation.validate(model.kb).getSeverity());
    }
}
