package eu.urbanagenda.kb.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.urbanagenda.kb.link.LinkVocabulary.Target;
import eu.urbanagenda.kb.link.LinkVocabulary.Term;
import eu.urbanagenda.kb.link.internal.TermMatcher;

/**
 * Cross-language search: when a query contains a partnership's name or keyword in one language (in any
 * inflected form), it is widened to that partnership's names and keywords in every language, so
 * "digital transition" also finds «цифрова трансформація» and «дигитален преход».
 */
public final class CrossLanguageQuery {

    /**
     * @param query         the query to run: the original one, or `(original) OR "term" OR …`
     * @param partnerships  the ids of the partnerships whose terms the query contained
     * @param added         the terms added, in the order of the query
     */
    public record Expansion(String query, List<String> partnerships, List<String> added) {

        public boolean expanded() {
            return !added.isEmpty();
        }
    }

    private CrossLanguageQuery() {
    }

    /** Widens the query, or returns it as it is when it names no partnership. */
    public static Expansion expand(String query, LinkVocabulary vocabulary) {
        String words = plainWords(query);
        Map<String, List<java.util.Set<String>>> analysed = new LinkedHashMap<>();
        for (String language : LinkVocabulary.LANGUAGES) {
            analysed.put(language, TermMatcher.positions(words, language));
        }
        List<String> partnerships = new ArrayList<>();
        Set<String> added = new LinkedHashSet<>();
        for (Target target : vocabulary.partnerships()) {
            if (!matches(target, analysed)) {
                continue;
            }
            partnerships.add(target.id());
            for (String language : LinkVocabulary.LANGUAGES) {
                for (Term term : target.terms(language)) {
                    if (!TermMatcher.contains(analysed.get(language), term.positions())) {
                        added.add(term.text());
                    }
                }
            }
        }
        if (added.isEmpty()) {
            return new Expansion(query, List.of(), List.of());
        }
        StringBuilder expanded = new StringBuilder("(").append(query).append(')');
        for (String term : added) {
            expanded.append(" OR \"").append(term.replace("\"", " ")).append('"');
        }
        return new Expansion(expanded.toString(), List.copyOf(partnerships), List.copyOf(added));
    }

    private static boolean matches(Target target, Map<String, List<java.util.Set<String>>> analysed) {
        for (String language : LinkVocabulary.LANGUAGES) {
            for (Term term : target.terms(language)) {
                if (TermMatcher.contains(analysed.get(language), term.positions())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The words of a query without its syntax: field names, operators, quotes, brackets, boosts. */
    static String plainWords(String query) {
        return query.replaceAll("\\b[\\p{L}_]+:", " ")
                .replaceAll("\\b(AND|OR|NOT)\\b", " ")
                .replaceAll("[\"()\\[\\]{}^~*?+!\\\\/]", " ")
                .replaceAll("(^|\\s)-", " ")
                .strip();
    }
}
