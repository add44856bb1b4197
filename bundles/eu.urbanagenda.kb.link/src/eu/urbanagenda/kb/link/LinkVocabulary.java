package eu.urbanagenda.kb.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.urbanagenda.kb.link.internal.TermMatcher;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.ActorKind;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.Role;

/**
 * What the linker looks for, read from the knowledge base once (on the thread that owns the model) and then
 * usable from any thread: for each partnership its names and keywords per language, and for each coordinator
 * its names per language.
 */
public final class LinkVocabulary {

    /** The languages documents are linked in: those of the knowledge base's names, as language codes. */
    public static final List<String> LANGUAGES = Localized.NAME_LANGUAGES.stream().map(Language::getLiteral).toList();

    /** How a term names its target; names weigh more than keywords, multi-word keywords more than single words. */
    public enum Kind {
        NAME, KEYWORD
    }

    /** A name or keyword in one language, with its analysed positions. */
    public record Term(String text, String language, Kind kind, List<Set<String>> positions) {

        public int words() {
            return positions.size();
        }
    }

    /** A partnership or an actor with its terms by language. */
    public record Target(String id, String type, String englishName, Map<String, List<Term>> terms) {

        public List<Term> terms(String language) {
            return terms.getOrDefault(language, List.of());
        }
    }

    private final List<Target> partnerships;
    private final List<Target> actors;

    private LinkVocabulary(List<Target> partnerships, List<Target> actors) {
        this.partnerships = List.copyOf(partnerships);
        this.actors = List.copyOf(actors);
    }

    /** Reads the vocabulary; call it where the knowledge base may be read (the UI thread in the workbench). */
    public static LinkVocabulary of(KnowledgeBase knowledgeBase) {
        List<Target> partnerships = new ArrayList<>();
        Map<String, Actor> coordinators = new LinkedHashMap<>();
        for (Partnership partnership : knowledgeBase.getPartnerships()) {
            Map<String, List<Term>> terms = new LinkedHashMap<>();
            add(terms, partnership.getNames(), Kind.NAME, false);
            add(terms, partnership.getKeywords(), Kind.KEYWORD, false);
            partnerships.add(new Target(partnership.getId(), "Partnership", english(partnership.getNames(), partnership.getId()), terms));
            for (Participation participation : partnership.getParticipations()) {
                if (participation.getRole() == Role.COORDINATOR && participation.getActor() != null) {
                    coordinators.putIfAbsent(participation.getActor().getId(), participation.getActor());
                }
            }
        }
        List<Target> actors = new ArrayList<>();
        for (Actor actor : coordinators.values()) {
            Map<String, List<Term>> terms = new LinkedHashMap<>();
            add(terms, actor.getNames(), Kind.NAME, actor.getKind() != ActorKind.MINISTRY);
            actors.add(new Target(actor.getId(), "Actor", english(actor.getNames(), actor.getId()), terms));
        }
        return new LinkVocabulary(partnerships, actors);
    }

    private static void add(Map<String, List<Term>> terms, List<LocalizedString> texts, Kind kind, boolean stripQualifier) {
        for (LocalizedString text : texts) {
            if (text.getLanguage() == null || text.getValue() == null || text.getValue().isBlank()) {
                continue;
            }
            String language = text.getLanguage().getLiteral();
            if (!LANGUAGES.contains(language)) {
                continue;
            }
            // Names of places and organisations may carry a qualifier in brackets ("Oulu (Finland)"): texts say the
            // bare name. A ministry's bracket names the country, which alone would match every mention of it.
            String value = stripQualifier ? text.getValue().replaceAll("\\s*\\([^)]*\\)", "").strip() : text.getValue().strip();
            List<Set<String>> positions = TermMatcher.positions(value, language);
            if (positions.isEmpty()) {
                continue;
            }
            // A keyword that repeats a name (often only its case differs) is the name: count it once, as a name.
            List<Term> list = terms.computeIfAbsent(language, k -> new ArrayList<>());
            boolean known = false;
            for (int i = 0; i < list.size(); i++) {
                if (TermMatcher.same(list.get(i).positions(), positions)) {
                    known = true;
                    if (kind == Kind.NAME && list.get(i).kind() != Kind.NAME) {
                        list.set(i, new Term(value, language, kind, positions));
                    }
                }
            }
            if (!known) {
                list.add(new Term(value, language, kind, positions));
            }
        }
    }

    private static String english(List<LocalizedString> names, String fallback) {
        for (LocalizedString name : names) {
            if (name.getLanguage() == Language.EN && name.getValue() != null) {
                return name.getValue();
            }
        }
        return fallback;
    }

    public List<Target> partnerships() {
        return partnerships;
    }

    /** The coordinators of the partnerships (cities, countries, organisations). */
    public List<Target> actors() {
        return actors;
    }
}
