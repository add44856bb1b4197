package eu.urbanagenda.kb.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.StoredDocument;
import eu.urbanagenda.kb.link.LinkVocabulary.Kind;
import eu.urbanagenda.kb.link.LinkVocabulary.Target;
import eu.urbanagenda.kb.link.LinkVocabulary.Term;
import eu.urbanagenda.kb.link.internal.TermMatcher;

/**
 * Proposes which indexed documents speak of which partnership (and which mention which coordinator), in
 * Ukrainian, Bulgarian and English, with a score from 0 to 1 and the passage that shows why.
 * <p>
 * For each target and language, the target's names and keywords are searched as phrases in the documents of
 * that language; in each document found, every match is counted against the term it is a form of. The score
 * grows with the evidence and saturates: a name of several words counts 2, a keyword of several words 1, a
 * single word (name or keyword) ½, each at most three times; every further distinct term ½, a match in the
 * title 1½; score = 1 − e^(−sum/3). Only a document that names the partnership, or uses two of its terms of
 * which one has several words, and does so in its title or at least once in a thousand words, keeps its whole
 * score; any other is halved, so news that says "transport", "jobs" or "food" however often, and long articles
 * that touch a theme in passing, stay below the default threshold (0.6).
 * Coordinators are mentions, looked for only in documents that speak of some partnership (score ≥ 0.3): 1 each
 * (at most five), title 1½, score = 1 − e^(−sum/2), so two mentions pass.
 * <p>
 * Thread-safe as far as the index is; reads nothing from the knowledge base (see {@link LinkVocabulary}).
 */
public final class Linker {

    /** Documents examined per target and language, best first. */
    static final int CANDIDATES = 1000;

    private final SearchBackend index;

    /** @param index the documents: the local index or a cluster */
    public Linker(SearchBackend index) {
        this.index = index;
    }

    /**
     * How strongly a document must speak of some partnership for its mentions of coordinators to count: a
     * coordinator's name in news about something else (London in Brexit news) is not evidence for the
     * knowledge base; the same name in a text about a partnership is.
     */
    static final double MENTION_CONTEXT = 0.3;

    /** The proposals at or above the threshold, best first within each target. */
    public List<Proposal> propose(LinkVocabulary vocabulary, LinkOptions options, IProgressMonitor monitor) throws IOException {
        List<Target> partnerships = vocabulary.partnerships().stream()
                .filter(t -> options.partnerships().isEmpty() || options.partnerships().contains(t.id())).toList();
        List<Target> actors = options.actors() ? vocabulary.actors() : List.of();
        SubMonitor progress = SubMonitor.convert(monitor, "Linking documents", (partnerships.size() + actors.size()) * LinkVocabulary.LANGUAGES.size());
        List<Proposal> proposals = new ArrayList<>();
        Set<String> context = new HashSet<>();
        double floor = Math.min(options.threshold(), MENTION_CONTEXT);
        for (Target target : partnerships) {
            for (String language : LinkVocabulary.LANGUAGES) {
                checkCancelled(progress);
                progress.subTask(target.englishName() + " (" + language + ")");
                for (Proposal proposal : proposals(target, language, false, floor, null)) {
                    if (proposal.score() + 1e-9 >= MENTION_CONTEXT) {
                        context.add(proposal.sha256());
                    }
                    if (proposal.score() + 1e-9 >= options.threshold()) {
                        proposals.add(proposal);
                    }
                }
                progress.worked(1);
            }
        }
        for (Target target : actors) {
            for (String language : LinkVocabulary.LANGUAGES) {
                checkCancelled(progress);
                progress.subTask(target.englishName() + " (" + language + ")");
                proposals.addAll(proposals(target, language, true, options.threshold(), context));
                progress.worked(1);
            }
        }
        return proposals;
    }

    private static void checkCancelled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    /** One target in one language. */
    List<Proposal> proposals(Target target, String language, boolean mention, double threshold, Set<String> only) throws IOException {
        List<Term> terms = target.terms(language);
        if (terms.isEmpty()) {
            return List.of();
        }
        String field = "text_" + language;
        String bodyQuery = or(field, terms);
        Set<String> titled = new HashSet<>();
        SearchResult result;
        try {
            for (SearchHit hit : search(or("title", terms), language, false).hits()) {
                titled.add(hit.sha256());
            }
            result = search(bodyQuery, language, true);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("a linker query could not be parsed: " + bodyQuery, e);
        }
        List<Proposal> proposals = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            if (only != null && !only.contains(hit.sha256())) {
                continue;
            }
            Optional<StoredDocument> document;
            try {
                document = index.document(hit.path(), bodyQuery);
            } catch (QuerySyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (document.isEmpty()) {
                continue;
            }
            Map<Term, Integer> counts = count(document.get(), terms, language);
            boolean inTitle = titled.contains(hit.sha256());
            double score = mention ? mentionScore(counts, inTitle) : partnershipScore(counts, inTitle, words(document.get().text()));
            if (score + 1e-9 < threshold) {
                continue;
            }
            List<String> matched = new ArrayList<>();
            counts.forEach((term, n) -> matched.add(term.text() + (n > 1 ? " ×" + n : "")));
            if (inTitle) {
                matched.add("(title)");
            }
            proposals.add(new Proposal(target.id(), target.type(), hit, round(score), List.copyOf(matched)));
        }
        proposals.sort((a, b) -> Double.compare(b.score(), a.score()));
        return proposals;
    }

    private SearchResult search(String query, String language, boolean snippets) throws QuerySyntaxException, IOException {
        return index.search(SearchRequest.builder(query).languages(List.of(language)).page(0, CANDIDATES).snippets(snippets)
                .facets(false).build());
    }

    /** `field:"term one" OR field:"term two"`: each term as a phrase in the field. */
    static String or(String field, List<Term> terms) {
        StringBuilder query = new StringBuilder();
        for (Term term : terms) {
            if (query.length() > 0) {
                query.append(" OR ");
            }
            query.append(field).append(":\"").append(term.text().replace("\\", " ").replace("\"", " ")).append('"');
        }
        return query.toString();
    }

    /**
     * Counts each term's matches: adjacent highlighted words (only spaces, hyphens or apostrophes between them)
     * form one mention, and a mention counts for every term whose forms it contains, unless a longer term found
     * in it contains that term too.
     */
    static Map<Term, Integer> count(StoredDocument document, List<Term> terms, String language) {
        Map<Term, Integer> counts = new LinkedHashMap<>();
        String text = document.text();
        List<Highlight> highlights = document.highlights();
        int i = 0;
        while (i < highlights.size()) {
            int start = highlights.get(i).start();
            int end = highlights.get(i).end();
            int j = i + 1;
            while (j < highlights.size() && joinable(text, end, highlights.get(j).start())) {
                end = highlights.get(j).end();
                j++;
            }
            List<java.util.Set<String>> mention = TermMatcher.positions(text.substring(start, end), language);
            List<Term> found = new ArrayList<>();
            for (Term term : terms) {
                if (TermMatcher.contains(mention, term.positions())) {
                    found.add(term);
                }
            }
            // A name that contains a keyword ("Интеграция на мигранти и бежанци", "бежанци") is one mention of
            // the name, not one of each: only terms no other found term contains count.
            for (Term term : found) {
                boolean inner = found.stream().anyMatch(other -> other != term && other.words() > term.words()
                        && TermMatcher.contains(other.positions(), term.positions()));
                if (!inner) {
                    counts.merge(term, 1, Integer::sum);
                }
            }
            i = j;
        }
        return counts;
    }

    private static boolean joinable(String text, int from, int to) {
        if (to < from || to - from > 3) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (!Character.isWhitespace(c) && c != '-' && c != '\'' && c != '’' && c != 'ʼ') {
                return false;
            }
        }
        return true;
    }

    static double partnershipScore(Map<Term, Integer> counts, boolean inTitle, int words) {
        double sum = 0;
        boolean specificName = false;
        boolean specificTerm = false;
        int specificMentions = 0;
        for (Map.Entry<Term, Integer> entry : counts.entrySet()) {
            Term term = entry.getKey();
            boolean specific = term.words() > 1;
            specificName |= specific && term.kind() == Kind.NAME;
            specificTerm |= specific;
            specificMentions += specific ? entry.getValue() : 0;
            double weight = !specific ? 0.5 : term.kind() == Kind.NAME ? 2.0 : 1.0;
            sum += weight * Math.min(3, entry.getValue());
        }
        sum += 0.5 * Math.max(0, counts.size() - 1);
        if (inTitle && !counts.isEmpty()) {
            sum += 1.5;
        }
        double score = 1 - Math.exp(-sum / 3);
        // A document speaks of a partnership when it names it, or uses two of its terms, one of them specific
        // (several words) -- and not only in passing: in its title, or at least once in every thousand words
        // (a long encyclopaedia article mentions everything somewhere). Any other document only half counts.
        boolean speaksOfIt = (specificName || counts.size() >= 2 && specificTerm)
                && (inTitle || specificMentions * 1000.0 / Math.max(1, words) >= 1.0);
        return speaksOfIt ? score : score / 2;
    }

    /** The number of words of a text (runs of letters or digits). */
    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    static double mentionScore(Map<Term, Integer> counts, boolean inTitle) {
        int mentions = counts.values().stream().mapToInt(Integer::intValue).sum();
        double sum = Math.min(5, mentions) + (inTitle && mentions > 0 ? 1.5 : 0);
        return 1 - Math.exp(-sum / 2);
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
