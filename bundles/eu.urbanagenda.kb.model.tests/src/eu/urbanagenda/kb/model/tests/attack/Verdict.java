package eu.urbanagenda.kb.model.tests.attack;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.tests.attack.Mutations.Expect;
import eu.urbanagenda.kb.model.tests.attack.Mutations.Mutation;

/**
 * What a load made of a mutation, judged: refused in words or loaded whole are right, everything else wrong. Uses only
 * what every version of the persistence API has (load, toBytes, the exception's message and problem), so that the
 * bench can judge an older build by the same rules.
 */
public record Verdict(Kind kind, String detail) {

    /** The outcomes, right ones first. */
    public enum Kind {
        REFUSED_IN_WORDS(true), LOADED_WHOLE(true), REFUSED_WITH_A_MISLEADING_MESSAGE(false), REFUSED_A_SOUND_FILE(false),
        LOADED_WITH_PROBLEMS(false), LOADED_IN_PART_SILENTLY(false), LOADED_A_DAMAGED_FILE(false),
        LOADED_AS_ANOTHER_KNOWLEDGE_BASE(false), HUNG(false), FAILED_OTHERWISE(false);

        private final boolean right;

        Kind(boolean right) {
            this.right = right;
        }

        public boolean right() {
            return right;
        }

        public String words() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    private static final Pattern CLASS_NAME = Pattern.compile("Exception|\\b[a-z]+\\.[a-z]+\\.[a-z.]*[A-Z]\\w+");

    /**
     * @param outcome a {@link LoadResult}, a {@link KnowledgeBaseLoadException}, or null when the load did not end
     */
    public static Verdict of(Mutation mutation, Path file, Object outcome, KnowledgeBase original) {
        if (outcome == null) {
            return new Verdict(Kind.HUNG, "still loading after the time allowed");
        }
        if (outcome instanceof KnowledgeBaseLoadException refused) {
            return refusal(mutation, file, refused);
        }
        LoadResult result = (LoadResult) outcome;
        try {
            return loaded(mutation, result, original);
        } finally {
            result.resource().unload();
        }
    }

    private static Verdict refusal(Mutation mutation, Path file, KnowledgeBaseLoadException e) {
        String message = e.getMessage();
        String problem = e.getProblem();
        Kind misleading = Kind.REFUSED_WITH_A_MISLEADING_MESSAGE;
        if (mutation.expect() == Expect.SAME) {
            return new Verdict(Kind.REFUSED_A_SOUND_FILE, message);
        } else if (!message.startsWith(file.toString() + ":") || problem == null || problem.isBlank()) {
            return new Verdict(misleading, "does not name the file and the problem: " + message);
        } else if (CLASS_NAME.matcher(message.replaceAll("'[^']*'", "''")).find()) { // quoted: the file's own text
            return new Verdict(misleading, "a class name: " + message);
        } else if (problem.contains("DTD") != mutation.kind().equals("DTD")) {
            return new Verdict(misleading, (mutation.kind().equals("DTD") ? "does not say DTDs are refused: " : "speaks of a DTD: ") + message);
        } else if (mutation.kind().equals("cut") && !problem.contains("cut off")) {
            return new Verdict(misleading, "does not say the file was cut off: " + message);
        } else if (mutation.kind().equals("invalid UTF-8") && !problem.contains("UTF-8") && !problem.contains("cut off")) {
            return new Verdict(misleading, "does not name the invalid UTF-8: " + message);
        }
        return new Verdict(Kind.REFUSED_IN_WORDS, message);
    }

    private static Verdict loaded(Mutation mutation, LoadResult result, KnowledgeBase original) {
        if (!result.problems().isEmpty()) {
            return new Verdict(Kind.LOADED_WITH_PROBLEMS, result.problems().size() + " problems, first: " + result.problems().get(0));
        }
        String read;
        String written;
        try {
            read = shape(mutation.bytes());
        } catch (Exception e) {
            return new Verdict(Kind.LOADED_IN_PART_SILENTLY, "loaded a file that is not well-formed XML: " + e.getMessage());
        }
        try {
            written = shape(KnowledgeBaseFiles.toBytes(result.knowledgeBase()));
        } catch (Exception e) {
            return new Verdict(Kind.LOADED_IN_PART_SILENTLY, "what was loaded cannot be written: " + e.getMessage());
        }
        if (!read.equals(written)) {
            return new Verdict(Kind.LOADED_IN_PART_SILENTLY, "not what the file says: " + firstDifference(read, written));
        }
        if (mutation.expect() == Expect.REFUSED) {
            return new Verdict(Kind.LOADED_A_DAMAGED_FILE, "loaded without a word, but its damage must refuse it");
        }
        if (mutation.expect() == Expect.SAME && !EcoreUtil.equals(original, result.knowledgeBase())) {
            return new Verdict(Kind.LOADED_AS_ANOTHER_KNOWLEDGE_BASE, "only the form changed, but the knowledge base differs");
        }
        return new Verdict(Kind.LOADED_WHOLE, "");
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
                return "element " + (i + 1) + ": the file has '" + left[i].strip() + "', the load '" + right[i].strip() + "'";
            }
        }
        return "the file has " + left.length + " elements, the load " + right.length;
    }
}
