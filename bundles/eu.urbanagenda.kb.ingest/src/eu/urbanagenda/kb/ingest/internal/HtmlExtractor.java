package eu.urbanagenda.kb.ingest.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts the title, description, date, declared language and main text of an HTML page with jsoup. Scripts,
 * styles, navigation, forms, page headers and footers, asides and hidden elements are dropped; when the page marks its
 * main content ({@code <main>}, {@code <article>} or {@code role="main"}) only that is kept. Block elements become
 * line breaks.
 */
public final class HtmlExtractor {

    private static final String DROP = "script, style, noscript, template, svg, canvas, iframe, object, embed, nav, "
            + "form, button, select, textarea, aside, dialog, menu, [role=navigation], [role=banner], "
            + "[role=contentinfo], [role=search], [hidden], [aria-hidden=true]";
    private static final List<String> DATE_META = List.of("article:published_time", "og:published_time",
            "datePublished", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "pubdate",
            "publish-date", "publishdate", "article:modified_time", "last-modified");

    /**
     * The fields of an extracted page.
     *
     * @param title the title, maybe empty
     * @param description the meta description, or {@code null}
     * @param date the publication date, or {@code null}
     * @param lang the declared language code, or {@code null}
     * @param text the main text
     */
    public record Result(String title, String description, LocalDate date, String lang, String text) {
    }

    private HtmlExtractor() {
    }

    /**
     * @param html the decoded page
     * @return its fields
     */
    public static Result extract(String html) {
        Document doc = Jsoup.parse(html);
        String title = doc.title().strip();
        if (title.isEmpty()) {
            title = meta(doc, "og:title");
        }
        if (title == null || title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        String description = meta(doc, "description");
        if (description == null) {
            description = meta(doc, "og:description");
        }
        LocalDate date = null;
        for (String name : DATE_META) {
            date = DateSniffer.parseMetadata(meta(doc, name));
            if (date != null) {
                break;
            }
        }
        if (date == null) {
            Element time = doc.selectFirst("time[datetime]");
            if (time != null) {
                date = DateSniffer.parseMetadata(time.attr("datetime"));
            }
        }
        String lang = doc.selectFirst("html") != null ? doc.selectFirst("html").attr("lang") : "";
        if (lang.isBlank()) {
            lang = meta(doc, "content-language");
        }
        doc.select(DROP).remove();
        Element body = doc.body();
        Elements main = body.select("main, [role=main]");
        Elements articles = body.select("article");
        Element root = body;
        if (!main.isEmpty()) {
            root = main.first();
        } else if (articles.size() == 1) {
            root = articles.first();
        } else {
            body.select("body > header, body > footer, body > div > header, body > div > footer").remove();
        }
        String text = text(root);
        return new Result(title, description, date, lang == null || lang.isBlank() ? null : lang.strip(), text);
    }

    private static String meta(Document doc, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Element m : doc.select("meta")) {
            String key = m.hasAttr("name") ? m.attr("name") : m.hasAttr("property") ? m.attr("property")
                    : m.hasAttr("itemprop") ? m.attr("itemprop") : m.attr("http-equiv");
            if (key.toLowerCase(Locale.ROOT).equals(lower) && m.hasAttr("content")) {
                String v = m.attr("content").strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static String text(Element root) {
        StringBuilder b = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    if (isPre(t)) {
                        b.append(s);
                    } else {
                        appendCollapsed(b, s);
                    }
                } else if (node instanceof Element e) {
                    if (e.nameIs("br")) {
                        b.append('\n');
                    } else if (e.isBlock() || e.nameIs("li") || e.nameIs("td") || e.nameIs("th")) {
                        newline(b);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.nameIs("li"))) {
                    newline(b);
                } else if (node instanceof Element e && (e.nameIs("td") || e.nameIs("th"))) {
                    b.append(' ');
                }
            }
        }, root);
        return tidy(b);
    }

    private static boolean isPre(TextNode t) {
        for (Node p = t.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && (e.nameIs("pre") || e.nameIs("textarea"))) {
                return true;
            }
        }
        return false;
    }

    private static void appendCollapsed(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ' && b.charAt(b.length() - 1) != '\n') {
                    b.append(' ');
                }
            } else {
                b.append(c);
            }
        }
    }

    private static void newline(StringBuilder b) {
        while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
            b.setLength(b.length() - 1);
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
    }

    /** Trims lines and keeps at most one empty line between paragraphs. */
    private static String tidy(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int blank = 0;
        for (String line : s.toString().split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(t);
            blank = 0;
        }
        return out.toString();
    }
}
