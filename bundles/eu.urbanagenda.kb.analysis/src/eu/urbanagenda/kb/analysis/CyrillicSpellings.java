package eu.urbanagenda.kb.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

import morfologik.fsa.FSA;
import morfologik.stemming.Dictionary;

/**
 * The Cyrillic words a Latin word can stand for: those whose transliteration, by the Ukrainian or Bulgarian national
 * system or a common informal spelling, has the Latin word's {@link Transliteration#searchKey(String) search key}.
 * A Latin query word is turned back into Cyrillic this way and then searched like the Cyrillic word, through its
 * lemmas and stems, so that {@code zhburliai} finds every form of жбурляти as жбурляй does. Which Cyrillic words
 * exist is asked of a word list: the Ukrainian dictionary ({@link #ukrainianWords(int)}) or the terms of an index
 * (through {@link #automaton(int)}, e.g. with {@code CompiledAutomaton.getTermsEnum}); for Bulgarian forms that no
 * document has, {@link #bulgarianWords(int, int)} reads the Bulgarian system backwards, and the caller keeps the
 * readings whose stem the index has.
 * <p>
 * Each Cyrillic letter spells one or more folded Latin strings (ь: nothing in Ukrainian, y in Bulgarian; ъ: a, u or
 * y; я: ya or a; х: h or kh; ...), and тс, шт, сч spell one folded letter too (тс as ц); a letter that repeats the
 * previous folded letter adds nothing, as doubled letters fold to one. Plain Lucene and morfologik: usable outside
 * OSGi.
 */
public final class CyrillicSpellings {

    /** Longest Latin word considered (longer ones are no words). */
    private static final int MAX_KEY = 40;
    /** Upper bound of dictionary arcs visited for one word. */
    private static final int MAX_ARCS = 200_000;

    private static final Map<Character, String[]> LETTERS = new HashMap<>();
    /** Two letters spelling one folded letter: the first, the second, the folded letter. */
    private static final String[][] DIGRAPHS = {{"т", "с", "c"}, {"ш", "т", "x"}, {"с", "ч", "x"}, {"ш", "ч", "x"}};

    static {
        String[][] table = {{"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"ґ", "g"}, {"д", "d"}, {"е", "e"},
                {"є", "ie", "e"}, {"ж", "j"}, {"з", "z"}, {"и", "i"}, {"і", "i"}, {"ї", "i"}, {"й", "i"}, {"к", "k"},
                {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"},
                {"у", "u"}, {"ф", "f"}, {"х", "g"}, {"ц", "c"}, {"ч", "q"}, {"ш", "w"}, {"щ", "x"}, {"ь", "", "i"},
                {"ю", "iu", "u"}, {"я", "ia", "a"}, {"ъ", "a", "u", "i"}, {"ы", "i"}, {"э", "e"}, {"ё", "io", "e"},
                {"ѝ", "i"}, {"ў", "u"}, {"'", ""}};
        for (String[] row : table) {
            String[] spellings = new String[row.length - 1];
            System.arraycopy(row, 1, spellings, 0, spellings.length);
            LETTERS.put(row[0].charAt(0), spellings);
        }
    }

    /**
     * Latin letters and letter groups back to Bulgarian letters, by the system of 2009 and common informal spellings
     * (u and a for ъ, y for ь, j for й, c and tz for ц, w for в, x for кс).
     */
    private static final String[][] BULGARIAN = {{"sht", "щ", "шт"}, {"sh", "ш"}, {"ch", "ч"}, {"zh", "ж"},
            {"ts", "ц", "тс"}, {"tz", "ц"}, {"kh", "х"}, {"yu", "ю", "йу"}, {"ya", "я", "йа"}, {"yo", "ьо", "йо"},
            {"ju", "ю"}, {"ja", "я"}, {"ia", "ия", "я"}, {"iu", "ю"}, {"a", "а", "ъ"}, {"b", "б"}, {"c", "ц"},
            {"d", "д"}, {"e", "е"}, {"f", "ф"}, {"g", "г"}, {"h", "х"}, {"i", "и", "й"}, {"j", "й"}, {"k", "к"},
            {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"}, {"q", "к"}, {"r", "р"}, {"s", "с"},
            {"t", "т"}, {"u", "у", "ъ"}, {"v", "в"}, {"w", "в"}, {"x", "кс"}, {"y", "й", "ь", "и"},
            {"z", "з"}};

    private final String word;
    private final String key;

    private CyrillicSpellings(String word, String key) {
        this.word = word.toLowerCase(Locale.ROOT).replace("'", "");
        this.key = key;
    }

    /**
     * @param word a word
     * @return its Cyrillic spellings, or {@code null} if the word is not written in Latin letters only or its key is
     *         shorter than three letters (too many Cyrillic words would fit)
     */
    public static CyrillicSpellings of(String word) {
        if (word.isEmpty() || word.length() > MAX_KEY) {
            return null;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            if (!(c >= 'a' && c <= 'z') && c != '\'') {
                return null;
            }
        }
        String key = Transliteration.fold(word);
        return key.length() < 3 ? null : new CyrillicSpellings(word, key);
    }

    /** @return the folded key that the Cyrillic spellings share */
    public String key() {
        return key;
    }

    /*
     * States of the matcher: how much of the key is spelled (pos), the last folded letter (last, for doubled
     * letters), a pending first letter of a digraph (or 0) and whether the last letter spelled nothing (ь, ': two such
     * letters in a row spell no word, which keeps the set of spellings finite). Encoded in a long.
     */

    private static long state(int pos, char last, char pending) {
        return state(pos, last, pending, false);
    }

    private static long state(int pos, char last, char pending, boolean silent) {
        return (long) pos << 33 | (silent ? 1L << 32 : 0) | (long) last << 16 | pending;
    }

    private static int pos(long s) {
        return (int) (s >>> 33);
    }

    private static boolean silent(long s) {
        return (s >>> 32 & 1) != 0;
    }

    private static char last(long s) {
        return (char) (s >>> 16 & 0xFFFF);
    }

    private static char pending(long s) {
        return (char) (s & 0xFFFF);
    }

    /** Spells a folded string from a state; -1 if it departs from the key. */
    private long spell(long s, String folded) {
        if (folded.isEmpty()) {
            return silent(s) ? -1 : state(pos(s), last(s), (char) 0, true);
        }
        int pos = pos(s);
        char last = last(s);
        for (int i = 0; i < folded.length(); i++) {
            char f = folded.charAt(i);
            if (f == last) {
                continue;
            }
            if (pos >= key.length() || key.charAt(pos) != f) {
                return -1;
            }
            pos++;
            last = f;
        }
        return state(pos, last, (char) 0);
    }

    /** The states after reading one Cyrillic letter (lower case) from a state. */
    private void step(long s, char c, Set<Long> out) {
        char pending = pending(s);
        if (pending != 0) {
            for (String[] d : DIGRAPHS) {
                if (d[0].charAt(0) == pending && d[1].charAt(0) == c) {
                    long t = spell(state(pos(s), last(s), (char) 0), d[2]);
                    if (t >= 0) {
                        out.add(t);
                    }
                }
            }
            return;
        }
        String[] spellings = LETTERS.get(c);
        if (spellings == null) {
            return;
        }
        for (String sp : spellings) {
            long t = spell(s, sp);
            if (t >= 0) {
                out.add(t);
            }
        }
        for (String[] d : DIGRAPHS) {
            if (d[0].charAt(0) == c) {
                out.add(state(pos(s), last(s), c));
            }
        }
    }

    private Set<Long> start() {
        Set<Long> s = new LinkedHashSet<>();
        s.add(state(0, (char) 0, (char) 0));
        return s;
    }

    private Set<Long> step(Set<Long> states, char c) {
        Set<Long> next = new LinkedHashSet<>();
        char lower = Character.toLowerCase(c);
        for (long s : states) {
            step(s, lower, next);
        }
        return next;
    }

    /**
     * @param word a Cyrillic word
     * @return the lengths of the key's prefixes that the word can spell, as a set bit per length (bit key().length()
     *         set: the word spells the whole key)
     */
    public BitSet spelledPrefixes(CharSequence word) {
        Set<Long> states = start();
        for (int i = 0; i < word.length() && !states.isEmpty(); i++) {
            states = step(states, word.charAt(i));
        }
        BitSet out = new BitSet();
        for (long s : states) {
            if (pending(s) == 0) {
                out.set(pos(s));
            }
        }
        return out;
    }

    /**
     * @param word a Cyrillic word
     * @return whether it spells the whole key
     */
    public boolean spells(CharSequence word) {
        return spelledPrefixes(word).get(key.length());
    }

    /**
     * @param minLength the shortest prefix of the key to accept
     * @return a deterministic automaton of the lower-case Cyrillic words that spell a prefix of the key of at least
     *         {@code minLength} folded letters (a finite set of words)
     */
    public Automaton automaton(int minLength) {
        Automaton a = new Automaton();
        Map<Long, Integer> ids = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        long start = state(0, (char) 0, (char) 0);
        ids.put(start, a.createState());
        queue.add(start);
        List<long[]> transitions = new ArrayList<>();
        while (!queue.isEmpty()) {
            long s = queue.poll();
            for (char c : LETTERS.keySet()) {
                Set<Long> next = new LinkedHashSet<>();
                step(s, c, next);
                for (long t : next) {
                    Integer id = ids.get(t);
                    if (id == null) {
                        id = a.createState();
                        ids.put(t, id);
                        queue.add(t);
                    }
                    transitions.add(new long[] {ids.get(s), c, id});
                }
            }
        }
        ids.forEach((s, id) -> a.setAccept(id, pending(s) == 0 && pos(s) >= minLength));
        transitions.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        for (long[] t : transitions) {
            a.addTransition((int) t[0], (int) t[2], (int) t[1]);
        }
        a.finishState();
        return Operations.determinize(a, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
    }

    /**
     * @param deviations at most this many choices other than the official reading (ъ for a, ь for y, ...)
     * @param max at most this many
     * @return Bulgarian spellings of the Latin word (the system of 2009 read backwards, and informal spellings), not
     *         checked against any word list, those with fewer deviations first
     */
    public List<String> bulgarianWords(int deviations, int max) {
        Set<String> out = new LinkedHashSet<>();
        for (int d = 0; d <= deviations && out.size() < max; d++) {
            bulgarian(0, new StringBuilder(), d, out, max);
        }
        return new ArrayList<>(out);
    }

    private void bulgarian(int at, StringBuilder cyrillic, int deviations, Set<String> out, int max) {
        if (out.size() >= max) {
            return;
        }
        if (at == word.length()) {
            out.add(cyrillic.toString());
            return;
        }
        boolean first = true;
        for (String[] row : BULGARIAN) {
            if (word.startsWith(row[0], at)) {
                for (int i = 1; i < row.length; i++) {
                    int cost = first && i == 1 ? 0 : 1;
                    if (cost <= deviations) {
                        int length = cyrillic.length();
                        cyrillic.append(row[i]);
                        bulgarian(at + row[0].length(), cyrillic, deviations - cost, out, max);
                        cyrillic.setLength(length);
                    }
                }
                first = false;
            }
        }
    }

    /**
     * @param max at most this many words
     * @return the words of the Ukrainian dictionary that spell the key, lower-cased, in dictionary order
     */
    public List<String> ukrainianWords(int max) {
        Dictionary d = UkrainianDictionary.get();
        FSA fsa = d.fsa;
        byte separator = d.metadata.getSeparator();
        Set<String> out = new LinkedHashSet<>();
        int[] budget = {MAX_ARCS};
        walk(fsa, fsa.getRootNode(), new StringBuilder(), start(), separator, out, max, budget);
        return new ArrayList<>(out);
    }

    private void walk(FSA fsa, int node, StringBuilder word, Set<Long> states, byte separator, Set<String> out,
            int max, int[] budget) {
        for (int arc = fsa.getFirstArc(node); arc != 0 && out.size() < max && budget[0]-- > 0; arc = fsa
                .getNextArc(arc)) {
            int b = fsa.getArcLabel(arc) & 0xFF;
            if (b == (separator & 0xFF)) {
                if (accepts(states) && word.length() > 0) {
                    out.add(word.toString().toLowerCase(Locale.ROOT));
                }
                continue;
            }
            if (fsa.isArcTerminal(arc)) {
                continue;
            }
            int target = fsa.getEndNode(arc);
            if (b == '\'') {
                descend(fsa, target, word, '\'', states, separator, out, max, budget);
            } else if (b >= 0xD0 && b <= 0xD3) {
                // a two-byte UTF-8 letter: the Cyrillic block
                for (int arc2 = fsa.getFirstArc(target); arc2 != 0 && budget[0]-- > 0; arc2 = fsa.getNextArc(arc2)) {
                    int b2 = fsa.getArcLabel(arc2) & 0xFF;
                    if (fsa.isArcTerminal(arc2) || (b2 & 0xC0) != 0x80) {
                        continue;
                    }
                    char c = (char) ((b & 0x1F) << 6 | (b2 & 0x3F));
                    descend(fsa, fsa.getEndNode(arc2), word, c, states, separator, out, max, budget);
                }
            }
        }
    }

    private void descend(FSA fsa, int node, StringBuilder word, char c, Set<Long> states, byte separator,
            Set<String> out, int max, int[] budget) {
        Set<Long> next = step(states, c);
        if (next.isEmpty()) {
            return;
        }
        word.append(c);
        walk(fsa, node, word, next, separator, out, max, budget);
        word.setLength(word.length() - 1);
    }

    private boolean accepts(Set<Long> states) {
        for (long s : states) {
            if (pending(s) == 0 && pos(s) == key.length()) {
                return true;
            }
        }
        return false;
    }
}
