package eu.urbanagenda.kb.model.tests.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.Generation;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.Checksums;
import eu.urbanagenda.kb.model.persistence.DocumentLocations;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.tests.TestFiles;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/** The knowledge base the product ships with: complete, right (per ../shared/reference/partnerships.md), valid, stable. */
class BundledKnowledgeBaseTest {

    private static KnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        LoadResult result = BundledKnowledgeBase.load();
        assertTrue(result.problems().isEmpty(), () -> "load problems: " + result.problems());
        kb = result.knowledgeBase();
    }

    private static Partnership partnership(String id) {
        return kb.getPartnerships().stream().filter(p -> id.equals(p.getId())).findFirst().orElseThrow(() -> new AssertionError("no partnership " + id));
    }

    private static String name(Named named, Language language) {
        return Localized.find(named.getNames(), language).map(LocalizedString::getValue).orElse(null);
    }

    private static boolean translated(Named named, Language language) {
        return Localized.find(named.getNames(), language).orElseThrow().isTranslated();
    }

    @Test
    void validatesWithZeroErrors() {
        Diagnostic diagnostic = KnowledgeBaseValidation.validate(kb);
        List<String> messages = KnowledgeBaseValidation.messages(diagnostic, true);
        assertTrue(diagnostic.getSeverity() < Diagnostic.ERROR, () -> String.join("\n", messages));
        // The only warnings: the two partnerships whose coordinators the facts leave unconfirmed.
        assertEquals(List.of(
            "WARNING [HasCoordinator] Partnership 'building-decarbonisation' (Building Decarbonisation): no coordinator: the coordinators are marked unconfirmed",
            "WARNING [HasCoordinator] Partnership 'compact-cities' (Compact Cities): no coordinator: the coordinators are marked unconfirmed"),
            messages);
    }

    @Test
    void roundTripLoadSaveLoadIsEqualAndByteStable(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("urban-agenda.xmi");
        KnowledgeBaseFiles.save(kb, file);
        KnowledgeBase again = KnowledgeBaseFiles.load(file).knowledgeBase();
        assertTrue(EcoreUtil.equals(kb, again), "load, save, load gives an equal knowledge base");
        assertArrayEquals(Files.readAllBytes(file), KnowledgeBaseFiles.toBytes(again), "saving what was loaded writes the same bytes");
    }

    @Test
    void theCommittedFileIsInTheFormTheApplicationWrites() throws Exception {
        byte[] committed;
        try (InputStream in = BundledKnowledgeBase.open()) {
            committed = in.readAllBytes();
        }
        byte[] canonical = KnowledgeBaseFiles.toBytes(kb);
        Path written = TestFiles.target().resolve("urban-agenda.xmi");
        Files.createDirectories(written.getParent());
        Files.write(written, canonical);
        assertArrayEquals(canonical, committed, () -> "base/urban-agenda.xmi is not in the form a save writes, so the first save "
            + "would rewrite it; replace it with " + written + " (the same content, as saved)");
    }

    @Test
    void hasAllTwentyOnePartnershipsWithStatusAndGeneration() {
        Map<String, PartnershipStatus> expected = new LinkedHashMap<>();
        for (String id : List.of("air-quality", "housing", "urban-poverty", "jobs-and-skills-in-the-local-economy", "circular-economy",
            "digital-transition", "urban-mobility", "sustainable-use-of-land-and-nature-based-solutions", "climate-adaptation",
            "energy-transition", "culture-and-cultural-heritage", "security-in-public-spaces")) {
            expected.put(id, PartnershipStatus.COMPLETED);
        }
        for (String id : List.of("inclusion-of-migrants-and-refugees", "innovative-and-responsible-public-procurement", "greening-cities",
            "sustainable-tourism", "food", "cities-of-equality", "water-sensitive-city", "building-decarbonisation")) {
            expected.put(id, PartnershipStatus.ACTIVE);
        }
        expected.put("compact-cities", PartnershipStatus.STARTING);
        assertEquals(21, kb.getPartnerships().size());
        Map<String, PartnershipStatus> actual = kb.getPartnerships().stream()
            .collect(Collectors.toMap(Partnership::getId, Partnership::getStatus, (a, b) -> a, LinkedHashMap::new));
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual));
        assertEquals(Generation.AMSTERDAM2018, partnership("security-in-public-spaces").getGeneration());
        assertEquals(Generation.LJUBLJANA2021, partnership("food").getGeneration());
        assertEquals(Generation.GIJON2023, partnership("compact-cities").getGeneration());
        assertEquals(Generation.AMSTERDAM2016, partnership("air-quality").getGeneration());
        for (Partnership p : kb.getPartnerships()) {
            if (p.getStatus() != PartnershipStatus.COMPLETED) {
                assertNull(p.getEndYear(), p.getId());
            }
        }
    }

    @Test
    void coordinatorsAndTheirCountriesFollowTheReferenceNotTheCutOffSeed() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("air-quality", "NL");
        expected.put("housing", "SK AT");
        expected.put("inclusion-of-migrants-and-refugees", "NL EU");
        expected.put("urban-poverty", "BE FR");
        expected.put("jobs-and-skills-in-the-local-economy", "RO NL LV");
        expected.put("circular-economy", "NO");
        expected.put("digital-transition", "EE FI BG");
        expected.put("urban-mobility", "CZ DE");
        expected.put("sustainable-use-of-land-and-nature-based-solutions", "PL IT");
        expected.put("climate-adaptation", "IT");
        expected.put("energy-transition", "PL GB BE");
        expected.put("innovative-and-responsible-public-procurement", "NL");
        expected.put("culture-and-cultural-heritage", "DE IT");
        expected.put("security-in-public-spaces", "FR ES FR");
        expected.put("greening-cities", "IT RO");
        expected.put("sustainable-tourism", "IT RO");
        expected.put("food", "PT IT");
        expected.put("cities-of-equality", "FR IT");
        expected.put("water-sensitive-city", "PT");
        expected.put("building-decarbonisation", "");
        expected.put("compact-cities", "");
        expected.forEach((id, countries) -> assertEquals(countries,
            partnership(id).getCoordinators().stream().map(Actor::getCountry).collect(Collectors.joining(" ")), id));
        assertEquals(List.of("city-vienna"), partnership("housing").getCoordinators().stream().map(Actor::getId).filter(i -> i.startsWith("city")).toList());
        assertTrue(partnership("inclusion-of-migrants-and-refugees").getCoordinators().stream().anyMatch(a -> a.getId().equals("eu-dg-home")));
        assertEquals(List.of("region-stuttgart"),
            partnership("sustainable-use-of-land-and-nature-based-solutions").getMembers().stream().map(Actor::getId).toList());
        assertEquals(List.of("ms-ee", "city-oulu", "city-sofia"), partnership("digital-transition").getCoordinators().stream().map(Actor::getId).toList());
    }

    @Test
    void unconfirmedFactsAreLeftEmptyAndMarked() {
        for (String id : List.of("building-decarbonisation", "compact-cities")) {
            assertTrue(partnership(id).getCoordinators().isEmpty(), id);
            assertEquals(List.of("coordinators"), partnership(id).getUnconfirmed(), id);
        }
        assertNull(partnership("digital-transition").getActionCount());
        assertEquals(List.of("actionCount"), partnership("digital-transition").getUnconfirmed());
        assertTrue(partnership("food").getActions().isEmpty());
        assertEquals(7, partnership("food").getActionCount());
    }

    @Test
    void namesInThreeLanguagesWithTranslationFlags() {
        for (Partnership p : kb.getPartnerships()) {
            for (Language language : List.of(Language.EN, Language.UK, Language.BG)) {
                assertNotNull(name(p, language), p.getId() + " " + language);
            }
            assertFalse(translated(p, Language.EN), p.getId());
        }
        Partnership digital = partnership("digital-transition");
        assertEquals("Дигитален преход", name(digital, Language.BG));
        assertFalse(translated(digital, Language.BG), "attested in Bulgarian sources");
        assertEquals("Цифровий перехід", name(digital, Language.UK));
        assertTrue(translated(digital, Language.UK), "our translation");
        assertTrue(translated(partnership("food"), Language.BG));
        assertFalse(translated(partnership("compact-cities"), Language.BG));
        Map<String, String> actors = Map.of("city-sofia", "Sofia София Софія", "city-oulu", "Oulu Оулу Оулу", "ms-ee", "Estonia Естония Естонія",
            "city-vienna", "Vienna Виена Відень");
        actors.forEach((id, names) -> {
            Actor actor = kb.getActors().stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
            assertEquals(names, name(actor, Language.EN) + " " + name(actor, Language.BG) + " " + name(actor, Language.UK));
        });
        for (var i = kb.eAllContents(); i.hasNext();) {
            if (i.next() instanceof Named named) {
                for (Language language : List.of(Language.EN, Language.UK, Language.BG)) {
                    assertNotNull(name(named, language), "every actor, pillar, issue, priority and action has a name in " + language + ": " + named.getId());
                }
            }
        }
    }

    @Test
    void everyPartnershipHasSeveralKeywordsPerLanguage() {
        for (Partnership p : kb.getPartnerships()) {
            for (Language language : List.of(Language.EN, Language.UK, Language.BG)) {
                assertTrue(Localized.all(p.getKeywords(), language).size() >= 3, p.getId() + " " + language);
            }
        }
        List<String> digital = Localized.all(partnership("digital-transition").getKeywords(), Language.UK);
        assertTrue(digital.containsAll(List.of("цифровий перехід", "цифрова трансформація", "цифровізація")), digital.toString());
        assertTrue(Localized.all(partnership("digital-transition").getKeywords(), Language.BG).containsAll(List.of("дигитален преход", "дигитализация", "е-управление")));
    }

    @Test
    void pillarsCrossCuttingIssuesPrioritiesAndActions() {
        assertEquals(List.of("better-regulation", "better-funding", "better-knowledge"), kb.getPillars().stream().map(Named::getId).toList());
        assertEquals(11, kb.getCrossCuttingIssues().size());
        assertEquals(4, partnership("urban-poverty").getPriorities().size());
        assertEquals(6, partnership("digital-transition").getPriorities().size());
        assertEquals(6, partnership("air-quality").getActions().size());
        assertEquals(12, partnership("circular-economy").getActions().size());
        assertEquals(10, partnership("jobs-and-skills-in-the-local-economy").getActions().size());
        assertEquals(9, partnership("urban-mobility").getActions().size());
        assertEquals(8, partnership("inclusion-of-migrants-and-refugees").getActions().size());
    }

    @Test
    void theFiveSeedsAreRegisteredWithTheirChecksums() throws Exception {
        assertEquals(5, kb.getDocuments().size());
        for (SourceDocument document : kb.getDocuments()) {
            assertTrue(document.getLocation().startsWith("seeds/"), document.getLocation());
            Path file = DocumentLocations.resolve(document, TestFiles.root());
            assertEquals(Checksums.sha256(file), document.getChecksum(), document.getId());
            assertTrue(kb.getEvidence().stream().anyMatch(e -> e.getDocument() == document && e.getStatus() == EvidenceStatus.CONFIRMED),
                document.getId() + " is confirmed evidence of something");
        }
    }

    @Test
    void theSeedsAreEvidenceOfWhatTheySpeakOf() {
        Partnership digital = partnership("digital-transition");
        List<String> sources = digital.getSources().stream().map(SourceDocument::getId).toList();
        assertEquals(List.of("seed-000", "seed-001", "seed-002", "seed-004"), sources);
        for (Evidence evidence : kb.getEvidence()) {
            assertEquals(EvidenceStatus.CONFIRMED, evidence.getStatus());
            assertTrue(evidence.getSnippet() != null && !evidence.getSnippet().isBlank());
        }
        assertTrue(kb.getEvidence().stream().anyMatch(e -> e.getDocument().getId().equals("seed-003")
            && e.getTarget().getId().equals("cci-inter-municipal-cooperation")));
    }

    @Test
    void copyIfMissingGivesAnEditableCopyOnce(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("my.xmi");
        assertTrue(BundledKnowledgeBase.copyIfMissing(file));
        assertFalse(BundledKnowledgeBase.copyIfMissing(file));
        assertTrue(EcoreUtil.equals(kb, KnowledgeBaseFiles.load(file).knowledgeBase()));
    }
}
