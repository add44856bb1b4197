package eu.urbanagenda.kb.model.tests.attack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damaged and hostile variants of a knowledge-base file, made with a fixed seed from its bytes: cut at random points,
 * bytes flipped, elements duplicated or removed, ids duplicated, references dangling or pointing outside, hostile
 * hrefs and namespaces, invalid UTF-8, huge attribute values, DTDs, and a few harmless changes of form.
 */
public final class Mutations {

    /** What the loader must do with a mutation. */
    public enum Expect {
        /** Refuse it (the damage cannot leave a whole knowledge base). */
        REFUSED,
        /** Load it cleanly, as the same knowledge base as the original (only the form changed). */
        SAME,
        /** Either refuse it, or load it cleanly holding exactly what the file says (e.g. a flipped letter in a name). */
        EITHER
    }

    /** One mutated file. */
    public record Mutation(String kind, String description, byte[] bytes, Expect expect) {
    }

    /** Where hostile references point; each is watched by the test. */
    public record Targets(String httpUrl, String silentUrl, String outsideFileUri, String fifoUri) {
    }

    private static final Pattern ONE_LINE_ELEMENT = Pattern.compile("^\\s*<[a-zA-Z][^>]*/>\\s*$");
    private static final Pattern START_TAG = Pattern.compile("^(\\s*)<([a-zA-Z]+)[^>]*[^/]>\\s*$");
    private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile(" (actor|document|target|pillar)=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile(" value=\"([^\"]*)\"");

    private final byte[] original;
    private final String text;
    private final List<String> lines;
    private final Random random;
    private final Targets targets;
    private final List<Mutation> mutations = new ArrayList<>();

    private Mutations(byte[] original, long seed, Targets targets) {
        this.original = original;
        this.text = new String(original, StandardCharsets.UTF_8);
        this.lines = text.lines().toList();
        this.random = new Random(seed);
        this.targets = targets;
    }

    /** About {@code scale} × 330 mutations of {@code original} (scale 1 for the test, more for the bench). */
    public static List<Mutation> of(byte[] original, long seed, Targets targets, int scale) {
        Mutations m = new Mutations(original, seed, targets);
        for (int round = 0; round < scale; round++) {
            m.cuts(60);
            m.flips(60);
            m.duplicatedElements(30);
            m.removedElements(30);
            m.duplicatedIds(20);
            m.danglingReferences(20);
            m.invalidUtf8(25);
            m.hugeValues(round == 0 ? 8 : 2);
        }
        m.outsideReferences();
        m.hostileNamespaces();
        m.dtds();
        m.forms();
        return m.mutations;
    }

    private void add(String kind, String description, byte[] bytes, Expect expect) {
        mutations.add(new Mutation(kind, description, bytes, expect));
    }

    private void add(String kind, String description, String changed, Expect expect) {
        add(kind, description, changed.getBytes(StandardCharsets.UTF_8), expect);
    }

    private void cuts(int count) {
        String trimmed = text.stripTrailing();
        int end = trimmed.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(end - 1) + 1; // at least one byte, never the whole closing tag
            add("cut", "cut after byte " + at + " of " + original.length, java.util.Arrays.copyOf(original, at), Expect.REFUSED);
        }
    }

    private void flips(int count) {
        for (int i = 0; i < count; i++) {
            byte[] bytes = original.clone();
            int at = random.nextInt(bytes.length);
            int mask = 1 + random.nextInt(255);
            bytes[at] ^= (byte) mask;
            add("flip", String.format("byte %d xor 0x%02x", at, mask), bytes, Expect.EITHER);
        }
    }

    /** Lines 2 … n-1: everything inside the root element. */
    private int bodyLine() {
        return 2 + random.nextInt(lines.size() - 3);
    }

    /** The lines [start, end) of the element starting at a random line: one line, or a start tag to its end tag. */
    private int[] element() {
        for (;;) {
            int start = bodyLine();
            String line = lines.get(start);
            if (ONE_LINE_ELEMENT.matcher(line).matches()) {
                return new int[] { start, start + 1 };
            }
            Matcher tag = START_TAG.matcher(line);
            if (tag.matches()) {
                String end = tag.group(1) + "</" + tag.group(2) + ">";
                for (int i = start + 1; i < lines.size(); i++) {
                    if (lines.get(i).equals(end)) {
                        return new int[] { start, i + 1 };
                    }
                }
            }
        }
    }

    private String joined(List<String> changed) {
        return String.join("\n", changed) + "\n";
    }

    private void duplicatedElements(int count) {
        for (int i = 0; i < count; i++) {
            int[] range = element();
            List<String> changed = new ArrayList<>(lines);
            changed.addAll(range[1], lines.subList(range[0], range[1]));
            boolean hasId = lines.subList(range[0], range[1]).stream().anyMatch(l -> ID.matcher(l).find());
            add("duplicate element", "lines " + (range[0] + 1) + "-" + range[1] + " twice", joined(changed),
                hasId ? Expect.REFUSED : Expect.EITHER);
        }
    }

    private void removedElements(int count) {
        for (int i = 0; i < count; i++) {
            int[] range = element();
            List<String> changed = new ArrayList<>(lines);
            changed.subList(range[0], range[1]).clear();
            add("remove element", "lines " + (range[0] + 1) + "-" + range[1] + " removed", joined(changed), Expect.EITHER);
        }
    }

    private List<MatchResult> all(Pattern pattern) {
        return pattern.matcher(text).results().toList();
    }

    private String replaceGroup(MatchResult match, int group, String value) {
        return text.substring(0, match.start(group)) + value + text.substring(match.end(group));
    }

    private void duplicatedIds(int count) {
        List<MatchResult> ids = all(ID);
        for (int i = 0; i < count; i++) {
            MatchResult from = ids.get(random.nextInt(ids.size()));
            MatchResult to = ids.get(random.nextInt(ids.size()));
            if (from.group(1).equals(to.group(1))) {
                i--;
                continue;
            }
            add("duplicate id", "id '" + to.group(1) + "' renamed to '" + from.group(1) + "'", replaceGroup(to, 1, from.group(1)), Expect.REFUSED);
        }
    }

    private void danglingReferences(int count) {
        List<MatchResult> references = all(REFERENCE);
        for (int i = 0; i < count; i++) {
            MatchResult reference = references.get(random.nextInt(references.size()));
            String missing = reference.group(2) + "-gone";
            add("dangling reference", reference.group(1) + " '" + reference.group(2) + "' → '" + missing + "'",
                replaceGroup(reference, 2, missing), Expect.REFUSED);
        }
    }

    private void invalidUtf8(int count) {
        byte[][] sequences = { { (byte) 0xff }, { (byte) 0xfe }, { (byte) 0xc0, (byte) 0x80 }, { (byte) 0x80 },
            { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, { (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
            { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xe0, (byte) 0x80, (byte) 0xaf } };
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(original.length);
            while ((original[at] & 0xc0) == 0x80) { // not inside a character: the sequence stands on its own
                at++;
            }
            if (i % 5 == 4) { // the first byte of a Cyrillic letter, without the second
                at = text.substring(0, text.indexOf("Програмата") + random.nextInt(8)).getBytes(StandardCharsets.UTF_8).length;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(original, 0, at + 1);
                out.write(original, at + 2, original.length - at - 2);
                add("invalid UTF-8", "the second byte of a letter at byte " + at + " removed", out.toByteArray(), Expect.REFUSED);
                continue;
            }
            byte[] sequence = sequences[random.nextInt(sequences.length)];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(original, 0, at);
            out.writeBytes(sequence);
            out.write(original, at, original.length - at);
            add("invalid UTF-8", sequence.length + " byte(s) from 0x" + Integer.toHexString(sequence[0] & 0xff) + " at byte " + at,
                out.toByteArray(), Expect.REFUSED);
        }
    }

    private void hugeValues(int count) {
        List<MatchResult> values = all(VALUE);
        for (int i = 0; i < count; i++) {
            MatchResult value = values.get(random.nextInt(values.size()));
            int size = (1 << 20) * (1 + random.nextInt(4));
            String huge = (i % 2 == 0 ? "Громада " : "A&amp;B ").repeat(size / 8);
            add("huge value", (size >> 20) + " MB in a value", replaceGroup(value, 1, huge), Expect.EITHER);
        }
        List<MatchResult> ids = all(ID);
        MatchResult id = ids.get(random.nextInt(ids.size()));
        add("huge value", "a 1 MB id", replaceGroup(id, 1, "x".repeat(1 << 20)), Expect.EITHER);
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            attributes.append(" a").append(i).append("=\"v\"");
        }
        add("huge value", "20,000 unknown attributes", text.replaceFirst("<names ", "<names" + attributes + " "), Expect.REFUSED);
    }

    private void outsideReferences() {
        String participation = "<participations actor=\"city-oulu\" role=\"coordinator\"/>";
        String[] uris = { targets.httpUrl() + "/other.xmi#x", targets.silentUrl() + "/slow.xmi#x", targets.outsideFileUri() + "#x",
            targets.fifoUri() + "#x", "file:///etc/passwd#x", "file:///dev/zero#x", "../outside.xmi#x", "other.xmi#x",
            "platform:/resource/x/y.xmi#x", "jar:" + targets.outsideFileUri() + "!/x.xmi#x", "java://java.lang.Runtime#x",
            "ftp://127.0.0.1/x.xmi#x", targets.httpUrl() + "/ns.ecore#//Actor" };
        for (String uri : uris) {
            add("outside reference", "href " + uri, text.replace(participation,
                "<participations role=\"coordinator\"><actor href=\"" + uri + "\"/></participations>"), Expect.REFUSED);
            add("outside reference", "actor=\"" + uri + "\"", text.replace(participation,
                "<participations actor=\"" + uri + "\" role=\"coordinator\"/>"), Expect.REFUSED);
        }
        add("outside reference", "a reference without fragment", text.replace(participation,
            "<participations actor=\"" + targets.httpUrl() + "/other.xmi\" role=\"coordinator\"/>"), Expect.REFUSED);
        add("outside reference", "typed href", text.replace(participation, "<participations role=\"coordinator\">"
            + "<actor xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"kb:Actor\" href=\"" + targets.httpUrl()
            + "/other.xmi#x\"/></participations>"), Expect.REFUSED);
        List<MatchResult> references = all(REFERENCE);
        for (int i = 0; i < 6; i++) {
            MatchResult reference = references.get(random.nextInt(references.size()));
            add("outside reference", reference.group(1) + " → " + targets.httpUrl(), replaceGroup(reference, 2,
                targets.httpUrl() + "/kb.xmi#" + reference.group(2)), Expect.REFUSED);
        }
    }

    private void hostileNamespaces() {
        String ns = "xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\"";
        String[] namespaces = { targets.httpUrl() + "/ns2", targets.silentUrl() + "/ns2", targets.outsideFileUri(), targets.fifoUri(),
            "java://java.lang.Runtime", "file:///etc/passwd", "http://urbanagenda.eu/kb/model/2.0", "" };
        for (String uri : namespaces) {
            add("hostile namespace", "kb namespace '" + uri + "'", text.replace(ns, "xmlns:kb=\"" + uri + "\""), Expect.REFUSED);
        }
        String xsi = " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
        add("hostile namespace", "schema location on the loopback", text.replace(ns, ns + xsi + " xsi:schemaLocation=\"http://urbanagenda.eu/kb/model/1.0 "
            + targets.httpUrl() + "/ns.ecore\""), Expect.REFUSED);
        add("hostile namespace", "schema location on the silent server", text.replace(ns, ns + xsi + " xsi:schemaLocation=\""
            + targets.silentUrl() + "/ns2 " + targets.silentUrl() + "/ns.ecore\""), Expect.REFUSED);
        add("hostile namespace", "no-namespace schema location", text.replace(ns, ns + xsi + " xsi:noNamespaceSchemaLocation=\""
            + targets.fifoUri() + "\""), Expect.REFUSED);
        add("hostile namespace", "an element of another namespace", text.replace("<pillars ", "<x:Gadget xmlns:x=\"" + targets.httpUrl()
            + "/ns3\"/>\n  <pillars "), Expect.REFUSED);
        add("hostile namespace", "an attribute of another namespace", text.replace("<pillars ", "<pillars xmlns:x=\"" + targets.httpUrl()
            + "/ns4\" x:evil=\"1\" "), Expect.REFUSED);
        add("hostile namespace", "a type of another namespace", text.replaceFirst("<actors ", "<actors xmlns:x=\"" + targets.httpUrl()
            + "/ns5\"" + xsi + " xsi:type=\"x:Actor\" "), Expect.REFUSED);
        add("hostile namespace", "a prefix never declared", text.replace("<pillars ", "<y:pillars "), Expect.REFUSED);
    }

    private void dtds() {
        String body = text.substring(text.indexOf("<kb:KnowledgeBase"));
        String declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        add("DTD", "external entity from a file", declaration + "<!DOCTYPE kb:KnowledgeBase [ <!ENTITY x SYSTEM \"" + targets.outsideFileUri()
            + "\"> ]>\n" + body.replaceFirst("value=\"[^\"]*\"", "value=\"&x;\""), Expect.REFUSED);
        add("DTD", "external entity from the loopback", declaration + "<!DOCTYPE kb:KnowledgeBase [ <!ENTITY x SYSTEM \"" + targets.httpUrl()
            + "/entity\"> ]>\n" + body.replaceFirst("value=\"[^\"]*\"", "value=\"&x;\""), Expect.REFUSED);
        add("DTD", "external DTD on the silent server", declaration + "<!DOCTYPE kb:KnowledgeBase SYSTEM \"" + targets.silentUrl() + "/kb.dtd\">\n"
            + body, Expect.REFUSED);
        add("DTD", "a FIFO as DTD", declaration + "<!DOCTYPE kb:KnowledgeBase SYSTEM \"" + targets.fifoUri() + "\">\n" + body, Expect.REFUSED);
        StringBuilder laughs = new StringBuilder(declaration + "<!DOCTYPE kb:KnowledgeBase [\n <!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append(" <!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        add("DTD", "billion laughs", laughs + "]>\n" + body.replaceFirst("value=\"[^\"]*\"", "value=\"&l9;\""), Expect.REFUSED);
        add("DTD", "parameter entity", declaration + "<!DOCTYPE kb:KnowledgeBase [ <!ENTITY % p SYSTEM \"" + targets.httpUrl()
            + "/p.dtd\"> %p; ]>\n" + body, Expect.REFUSED);
    }

    /** Harmless changes of form, and damage of the document as a whole. */
    private void forms() {
        add("form", "CRLF line ends", text.replace("\n", "\r\n"), Expect.SAME);
        add("form", "a byte order mark", "\uFEFF" + text, Expect.SAME);
        add("form", "a comment", text.replace("<pillars ", "<!-- a comment -->\n  <pillars "), Expect.SAME);
        add("form", "no XML declaration", text.substring(text.indexOf('\n') + 1), Expect.SAME);
        add("form", "tabs for indentation", text.replace("  <", "\t<"), Expect.SAME);
        add("form", "no final line end", text.stripTrailing(), Expect.SAME);
        add("form", "an element in the whole", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text.substring(text.indexOf("<pillars "),
            text.indexOf("</pillars>") + 10), Expect.REFUSED);
        add("form", "empty", "", Expect.REFUSED);
        add("form", "white space only", "\n  \n", Expect.REFUSED);
        add("form", "trailing garbage", text + "garbage", Expect.REFUSED);
        add("form", "two knowledge bases", text + text.substring(text.indexOf("<kb:KnowledgeBase")), Expect.REFUSED);
        add("form", "a second top-level object", text.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmi:XMI xmi:version=\"2.0\""
                + " xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\">\n")
            + "<kb:Actor id=\"stray\"/>\n</xmi:XMI>\n", Expect.REFUSED);
        add("form", "an encoding the file is not in", text.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""), Expect.REFUSED);
        add("form", "an unknown encoding", text.replace("encoding=\"UTF-8\"", "encoding=\"x-no-such\""), Expect.REFUSED);
        add("form", "deeply nested unknown elements", text.replace("<pillars ", "<a>".repeat(5000) + "</a>".repeat(5000) + "\n  <pillars "),
            Expect.REFUSED);
    }
}
