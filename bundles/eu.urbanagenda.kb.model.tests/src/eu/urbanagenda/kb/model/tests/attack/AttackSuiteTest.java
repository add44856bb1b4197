package eu.urbanagenda.kb.model.tests.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadProblem;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.tests.Fifo;
import eu.urbanagenda.kb.model.tests.LoopbackServer;
import eu.urbanagenda.kb.model.tests.TestFiles;
import eu.urbanagenda.kb.model.tests.attack.Mutations.Expect;
import eu.urbanagenda.kb.model.tests.attack.Mutations.Mutation;

/**
 * The standing attack suite: over 300 damaged and hostile variants of the bundled knowledge base ({@link Mutations}),
 * each loaded with a real HTTP server on loopback recording every connection, a silent one, a FIFO and a file
 * outside as the targets of its references. Each is refused with a message naming the file and the problem in words,
 * or loaded cleanly as exactly what the file says (the same knowledge base, where only the form changed): never part
 * of a knowledge base, never a request, never a hang (each load is bounded). {@code -Dkb.attack.scale=N} makes about
 * N times as many (the bench); the counts go to {@code target/attack-suite.txt}.
 */
class AttackSuiteTest {

    private static final int SCALE = Integer.getInteger("kb.attack.scale", 1);
    private static final long SEED = Long.getLong("kb.attack.seed", 20261128L);
    private static final Pattern CLASS_NAME = Pattern.compile("Exception|\\b[a-z]+\\.[a-z]+\\.[a-z.]*[A-Z]\\w+");

    @TempDir
    Path folder;

    @Test
    void everyMutationIsRefusedInWordsOrLoadedWhole() throws Exception {
        byte[] original;
        try (InputStream in = BundledKnowledgeBase.open()) {
            original = in.readAllBytes();
        }
        KnowledgeBase expected = BundledKnowledgeBase.load().knowledgeBase();
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Path secret = TestFiles.write(outside.resolve("secret.xmi"),
            TestFiles.knowledgeBase("  <actors id=\"x\" kind=\"city\" country=\"BG\"><names language=\"en\" value=\"X\"/></actors>\n"));
        Path files = Files.createDirectories(folder.resolve("mutated"));
        Map<String, int[]> counts = new TreeMap<>(); // kind → refused, loaded
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int total;
        try (LoopbackServer server = LoopbackServer.answering(); LoopbackServer silent = LoopbackServer.silent();
            Fifo fifo = new Fifo(outside.resolve("pipe"))) {
            List<Mutation> mutations = Mutations.of(original, SEED, new Mutations.Targets(server.url(""), silent.url(""),
                secret.toUri().toString(), fifo.path().toUri().toString()), SCALE);
            total = mutations.size();
            assertTrue(total >= 300, "at least 300 mutations: " + total);
            ExecutorService loader = Executors.newSingleThreadExecutor(daemon());
            for (int i = 0; i < mutations.size(); i++) {
                Mutation mutation = mutations.get(i);
                Path file = Files.write(files.resolve(i + ".xmi"), mutation.bytes());
                String label = "#" + i + " " + mutation.kind() + " (" + mutation.description() + ")";
                Future<Object> outcome = loader.submit(() -> {
                    try {
                        return KnowledgeBaseFiles.load(file);
                    } catch (KnowledgeBaseLoadException e) {
                        return e;
                    }
                });
                Object result;
                try {
                    result = outcome.get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    failures.add(label + ": still loading after 60 s");
                    outcome.cancel(true);
                    loader.shutdownNow();
                    loader = Executors.newSingleThreadExecutor(daemon());
                    continue;
                }
                int[] count = counts.computeIfAbsent(mutation.kind(), k -> new int[2]);
                if (result instanceof KnowledgeBaseLoadException refused) {
                    count[0]++;
                    checkRefusal(mutation, file, refused, label, failures);
                } else {
                    count[1]++;
                    checkLoaded(mutation, expected, (LoadResult) result, label, failures);
                }
                Files.delete(file);
            }
            loader.shutdownNow();
            assertEquals(List.of(), server.requests(), "requests to the loopback server");
            assertEquals(List.of(), silent.requests(), "connections to the silent server");
            assertFalse(fifo.wasOpened(), "the FIFO was opened");
        }
        StringBuilder summary = new StringBuilder(String.format("attack suite: %d mutations in %.1f s, %d failures%n", total,
            (System.nanoTime() - started) / 1e9, failures.size()));
        counts.forEach((kind, count) -> summary.append(String.format("  %-20s %4d refused %4d loaded whole%n", kind, count[0], count[1])));
        System.out.print(summary);
        Files.createDirectories(TestFiles.target());
        Files.writeString(TestFiles.target().resolve("attack-suite.txt"), summary);
        assertTrue(failures.isEmpty(), failures.size() + " of " + total + " mutations handled wrongly:\n"
            + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    private static void checkRefusal(Mutation mutation, Path file, KnowledgeBaseLoadException e, String label, List<String> failures) {
        String message = e.getMessage();
        String problem = e.getProblem();
        if (mutation.expect() == Expect.SAME) {
            failures.add(label + ": refused a file whose form only changed: " + message);
        } else if (!message.startsWith(file.toString() + ":") || problem == null || problem.isBlank()) {
            failures.add(label + ": the message does not name the file and the problem: " + message);
        } else if (CLASS_NAME.matcher(message.replaceAll("'[^']*'", "''")).find()) { // quoted: the file's own text
            failures.add(label + ": a class name in the message: " + message);
        } else if (problem.contains("DTD") != mutation.kind().equals("DTD")) {
            failures.add(label + ": " + (mutation.kind().equals("DTD") ? "does not say DTDs are refused: " : "speaks of a DTD: ") + message);
        } else if (mutation.kind().equals("cut") && !problem.contains("cut off")) {
            failures.add(label + ": does not say the file was cut off: " + message);
        } else if (mutation.kind().equals("invalid UTF-8") && !problem.contains("UTF-8") && !problem.contains("cut off")) {
            failures.add(label + ": does not name the invalid UTF-8: " + message);
        } else if (!hasKind(mutation, e)) {
            failures.add(label + ": refused for another reason than its damage: " + e.getProblems());
        }
    }

    private static boolean hasKind(Mutation mutation, KnowledgeBaseLoadException e) {
        LoadProblem.Kind kind = switch (mutation.kind()) {
            case "duplicate id" -> LoadProblem.Kind.DUPLICATE_ID;
            case "dangling reference" -> LoadProblem.Kind.DANGLING_REFERENCE;
            case "outside reference" -> LoadProblem.Kind.OUTSIDE_REFERENCE;
            default -> null;
        };
        return kind == null || e.getProblems().stream().anyMatch(p -> p.kind() == kind);
    }

    private static void checkLoaded(Mutation mutation, KnowledgeBase expected, LoadResult result, String label, List<String> failures) {
        try {
            if (!result.problems().isEmpty()) {
                failures.add(label + ": loaded with problems instead of being refused: " + result.problems());
            } else if (mutation.expect() == Expect.REFUSED) {
                failures.add(label + ": loaded, but it must be refused");
            } else if (mutation.expect() == Expect.SAME && !EcoreUtil.equals(expected, result.knowledgeBase())) {
                failures.add(label + ": loaded as another knowledge base than the original");
            } else {
                byte[] saved = KnowledgeBaseFiles.toBytes(result.knowledgeBase());
                String read = shape(mutation.bytes());
                String written = shape(saved);
                if (!read.equals(written)) {
                    failures.add(label + ": the loaded knowledge base is not what the file says (part of it was dropped?): "
                        + firstDifference(read, written));
                }
            }
        } catch (Exception e) {
            failures.add(label + ": loaded, but " + e);
        } finally {
            result.resource().unload();
        }
    }

    /**
     * The elements and attribute names of an XML document (not the values, which a load may normalise, e.g.
     * "0016" to "16"), parsed by the JDK's own parser: a load that dropped anything has fewer.
     */
    static String shape(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        StringBuilder shape = new StringBuilder();
        shape(root, shape, "");
        return shape.toString();
    }

    private static void shape(Element element, StringBuilder out, String indent) {
        TreeSet<String> attributes = new TreeSet<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI()) && !"xmi:version".equals(attribute.getName())) {
                attributes.add(attribute.getName());
            }
        }
        out.append(indent).append(element.getNamespaceURI()).append(' ').append(element.getLocalName()).append(' ').append(attributes).append('\n');
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                shape(childElement, out, indent + " ");
            }
        }
    }

    private static String firstDifference(String a, String b) {
        String[] left = a.split("\n");
        String[] right = b.split("\n");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (!left[i].equals(right[i])) {
                return "element " + (i + 1) + ": file has '" + left[i].strip() + "', loaded '" + right[i].strip() + "'";
            }
        }
        return "the file has " + left.length + " elements, the loaded knowledge base " + right.length;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "attack-loader");
            thread.setDaemon(true);
            return thread;
        };
    }
}
