package eu.urbanagenda.kb.index.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fuzzed queries as an attacker or a careless paste sends them: random mixes of syntax characters, regular
 * expressions and wildcards with huge repetitions, fuzzy terms, long paragraphs, unbalanced brackets, field names,
 * boosts and odd Unicode (lone surrogates, controls, combining marks, emoji). Deterministic for a seed. Used by
 * {@code HostileQueryTest} (a quick sample) and by the attack benchmark of releng/eu.urbanagenda.kb.bench.
 */
public final class HostileQueries {

    private static final String SYNTAX = "()[]{}\"*?~^:+-!/\\&|<> ";
    private static final String[] FIELDS = {"title", "uk", "bg", "ru", "en", "other", "text", "all", "translit",
            "language", "lang", "format", "year", "date", "path", "folder", "sha256", "encoding", "text_uk", "nofield",
            "*", "Увага", "http", "c"};
    private static final String[] ODD = {"\u0000", "\u0007", "\t", "\n", "\r\n", "\u00A0", "\u200B", "\u200E", "\u202E",
            "\uFEFF", "\u0301", "\u0308\u0308\u0308", "\uD83D\uDE00", "\uD83C\uDDFA\uD83C\uDDE6", "\uD800", "\uDC00",
            "\uFFFF", "\uFFFD", "漢字", "עברית", "ﷺ", "ǅ", "İ", "ß", "\u0130\u0131", "𝔘𝔨𝔯", "Ⅻ", "①", "’", "ʼ", "`",
            "´", "′", "\u00AD", "ѝ", "ґ", "Ё"};
    private static final String[] FALLBACK_WORDS = {"громада", "громадами", "цифрова", "трансформація", "градът",
            "община", "бюджет", "партньорство", "преход", "hromada", "sofiya", "tsyfrova", "digitalen", "prehod",
            "Київ", "Brexit", "COVID", "2021", "м’ясо", "and", "a", "і", "и"};
    private static final String[] REGEXPS = {"\\d{1,1000000}", "a{1000000}", "(.*){1000}", "[a-z]{50}{50}{50}",
            "(a|b|c|d|e)*{100}", "~(a.*)", ".*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*", "(((((((((a)))))))))", "[",
            "(", "a{2,1}", "a{99999999999}", "\\", "<1-100000000000>", "@&~(abc)", "#", "[^a-z]{0,100}x{0,100}",
            "(ab|cd)+(ef|gh)+{99}", "громад.*", "[\\p{L}]*", "(.*a){200}", "a**", "x{,}", "..{1000}"};

    private final Random random;
    private final List<String> words;

    /**
     * @param seed the seed
     * @param words words to mix in (e.g. words of the indexed documents); empty for a built-in list
     */
    public HostileQueries(long seed, List<String> words) {
        this.random = new Random(seed);
        this.words = words.isEmpty() ? List.of(FALLBACK_WORDS) : List.copyOf(words);
    }

    /**
     * @param n how many
     * @return the next {@code n} queries
     */
    public List<String> next(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** @return one query */
    public String next() {
        return switch (random.nextInt(12)) {
            case 0 -> soup(1 + random.nextInt(200));
            case 1 -> "/" + pick(REGEXPS) + (random.nextInt(5) == 0 ? "" : "/") + (random.nextBoolean() ? "" : " " + word());
            case 2 -> wildcard();
            case 3 -> word() + "~" + pick(new String[] {"", "1", "2", "0.5", "10", "-1", "x", "99999999999"})
                    + (random.nextBoolean() ? "" : " " + word());
            case 4 -> repeated();
            case 5 -> paragraph(20 + random.nextInt(380));
            case 6 -> brackets();
            case 7 -> pick(FIELDS) + ":" + pick(new String[] {word(), "", "*", "[2020 TO 2023]", "[* TO *]",
                    "{a TO b]", "[abc TO def]", "\"" + word() + " " + word() + "\"", "/" + pick(REGEXPS) + "/",
                    "(" + word() + " OR " + word() + ")", word() + "*", "[2021-13-45 TO x]"});
            case 8 -> unicode(1 + random.nextInt(40));
            case 9 -> word() + "^" + pick(new String[] {"", "1000000", "-1", "x", "0", "1e40", "2.5.5", "NaN"});
            case 10 -> latin(3 + random.nextInt(60));
            default -> mix(2 + random.nextInt(12));
        };
    }

    private String pick(String[] a) {
        return a[random.nextInt(a.length)];
    }

    private String word() {
        return words.get(random.nextInt(words.size()));
    }

    private String soup(int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(random.nextInt(3) == 0 ? word() : String.valueOf(SYNTAX.charAt(random.nextInt(SYNTAX.length()))));
        }
        return b.toString();
    }

    private String wildcard() {
        return switch (random.nextInt(6)) {
            case 0 -> "*".repeat(1 + random.nextInt(10_000));
            case 1 -> "?".repeat(1 + random.nextInt(300));
            case 2 -> {
                StringBuilder b = new StringBuilder();
                int n = 1 + random.nextInt(2000);
                for (int i = 0; i < n; i++) {
                    b.append(random.nextBoolean() ? "*" : "?").append((char) ('a' + random.nextInt(26)));
                }
                yield b.toString();
            }
            case 3 -> word() + "*";
            case 4 -> "*" + word() + "*" + word() + "*";
            default -> "a".repeat(random.nextInt(5_000)) + "*";
        };
    }

    private String repeated() {
        String[] unit = {"(", ")", "\"", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "/", "-", "+", "!", "AND ",
                "OR ", "NOT ", "a OR ", word() + " ", "&&", "||", "((a)", "a:", "\"a\" "};
        String u = pick(unit);
        int n = random.nextInt(4) == 0 ? 10_000 : 1 + random.nextInt(2_000);
        return u.repeat(n) + (random.nextBoolean() ? word() : "");
    }

    private String paragraph(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(word());
            int p = random.nextInt(20);
            b.append(p == 0 ? ", " : p == 1 ? ". " : p == 2 ? " (" : p == 3 ? ") " : p == 4 ? ": " : p == 5 ? " — "
                    : p == 6 ? " «" : p == 7 ? "» " : " ");
        }
        return b.toString();
    }

    private String brackets() {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            b.append(pick(new String[] {"(", ")", "[", "]", "{", "}", "\"", " TO ", " ", word(), " AND ", " OR "}));
        }
        return b.toString();
    }

    private String unicode(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(3) == 0 ? word() : pick(ODD));
            if (random.nextInt(4) == 0) {
                b.append((char) random.nextInt(0x10000));
            }
        }
        return b.toString();
    }

    private String latin(int length) {
        StringBuilder b = new StringBuilder();
        String letters = random.nextBoolean() ? "aeiouyjhkszctgd" : "abcdefghijklmnopqrstuvwxyz'";
        for (int i = 0; i < length; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }

    private String mix(int parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                b.append(pick(new String[] {" ", " AND ", " OR ", " NOT ", " && ", " -", " +"}));
            }
            String part = next();
            b.append(part.length() > 500 ? part.substring(0, 500) : part);
        }
        return b.toString();
    }
}
