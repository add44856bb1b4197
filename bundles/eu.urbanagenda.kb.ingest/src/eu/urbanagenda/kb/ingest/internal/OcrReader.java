package eu.urbanagenda.kb.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.LanguageDetector;

/**
 * Reads pages by OCR: with the languages configured for the folder, else Ukrainian, Bulgarian and English together,
 * and then the first page again in the language detected in it alone, which is kept for the whole document when it
 * reads with a higher mean confidence. A document of one page read with {@link #SECOND_LOOK_BELOW} % confidence or more
 * is not read again: on the scans of ../shared/formats the languages together recognise as many words as the one
 * language alone (word recall 0.992 against 0.988), and the second reading cost 45 % of the OCR time; for more pages
 * the one language pays back (one model reads faster than three). Results are kept per checksum (and language setting) in a cache folder, written
 * only when a document is complete, so that re-indexing, moving or copying a file never runs OCR again and a
 * cancelled OCR leaves nothing behind.
 */
public final class OcrReader {

    /** The languages tried together when no folder setting says otherwise. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("ukr", "bul", "eng");
    /** A page of one read with less mean confidence than this is read again in the language detected in it. */
    public static final double SECOND_LOOK_BELOW = 90;

    /** The pages of a document, as image files made on demand (the caller's files, deleted by the caller). */
    public interface PageImages {
        /** @return how many pages */
        int count();

        /**
         * @param page 0-based page
         * @return an image file of the page
         * @throws IOException if it cannot be made
         */
        Path image(int page) throws IOException;

        /** @return the resolution of the images, or 0 when unknown */
        int dpi();
    }

    /** Told when a page is done. */
    public interface Progress {
        /**
         * @param page 1-based page about to be read
         * @param pages how many
         */
        void page(int page, int pages);
    }

    /**
     * The text of the pages.
     *
     * @param pages the text of each page
     * @param confidence the mean word confidence over all pages (0–100)
     * @param languages the Tesseract languages used
     */
    public record Result(List<String> pages, double confidence, String languages) {
    }

    private final Tesseract tesseract;
    private final Path cache;
    private final LanguageDetector detector;
    private final Duration pageLimit;
    private final BooleanSupplier cancelled;

    /**
     * @param tesseract the engine
     * @param cache the cache folder, or {@code null}
     * @param detector the language detector
     * @param pageLimit the time limit of one page
     * @param cancelled tells to stop
     */
    public OcrReader(Tesseract tesseract, Path cache, LanguageDetector detector, Duration pageLimit,
            BooleanSupplier cancelled) {
        this.tesseract = tesseract;
        this.cache = cache;
        this.detector = detector;
        this.pageLimit = pageLimit;
        this.cancelled = cancelled;
    }

    /**
     * @param sha256 the checksum of the file (the cache key)
     * @param images the pages
     * @param configured the languages configured for the file's folder, or {@code null}
     * @param progress told before each page
     * @return the text
     * @throws Tesseract.Unavailable if Tesseract or a language is missing
     * @throws Tesseract.Cancelled if cancelled
     * @throws IOException if Tesseract fails
     */
    public Result read(String sha256, PageImages images, List<String> configured, Progress progress)
            throws Tesseract.Unavailable, Tesseract.Cancelled, IOException {
        String setting = configured == null ? "auto" : String.join("+", configured);
        Path entry = cache == null ? null : cache.resolve(sha256.substring(0, 2)).resolve(sha256 + "-" + setting + ".txt");
        Result cached = entry == null ? null : load(entry, images.count());
        if (cached != null) {
            return cached;
        }
        List<String> languages = configured == null ? DEFAULT_LANGUAGES : configured;
        tesseract.require(languages);
        List<String> texts = new ArrayList<>();
        double weighted = 0;
        long words = 0;
        for (int i = 0; i < images.count(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new Tesseract.Cancelled();
            }
            progress.page(i + 1, images.count());
            Path image = images.image(i);
            Tesseract.Page page = recognise(image, languages, images.dpi());
            if (i == 0 && configured == null && (images.count() > 1 || page.confidence() < SECOND_LOOK_BELOW)) {
                String alone = alone(page.text());
                if (alone != null) {
                    Tesseract.Page again = recognise(image, List.of(alone), images.dpi());
                    if (again.confidence() > page.confidence()) {
                        languages = List.of(alone);
                        page = again;
                    }
                }
            }
            texts.add(page.text());
            weighted += page.confidence() * page.words();
            words += page.words();
        }
        Result result = new Result(List.copyOf(texts), words == 0 ? 0 : weighted / words, String.join("+", languages));
        if (entry != null) {
            store(entry, result);
        }
        return result;
    }

    private Tesseract.Page recognise(Path image, List<String> languages, int dpi)
            throws IOException, Tesseract.Cancelled {
        Deadline.postpone(pageLimit.plusSeconds(30));
        return tesseract.recognise(image, languages, dpi, pageLimit, cancelled);
    }

    /** The installed Tesseract language of the language detected in a text, when it is one language. */
    private String alone(String text) throws Tesseract.Unavailable {
        Language lang = detector.detect(text);
        String code = switch (lang) {
            case UK -> "ukr";
            case BG -> "bul";
            case RU -> "rus";
            case EN -> "eng";
            default -> null;
        };
        return code != null && tesseract.languages().contains(code) ? code : null;
    }

    private static Result load(Path entry, int pages) {
        try {
            String s = Files.readString(entry, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            String[] head = s.substring(0, nl).split("\t");
            if (head.length != 4 || !head[0].equals("kb-ocr 1") || Integer.parseInt(head[3]) != pages) {
                return null;
            }
            List<String> texts = List.of(s.substring(nl + 1).split("\f", -1));
            return texts.size() == pages ? new Result(texts, Double.parseDouble(head[2]), head[1]) : null;
        } catch (IOException | RuntimeException e) {
            return null; // missing or unreadable: read again
        }
    }

    private static void store(Path entry, Result r) {
        try {
            Files.createDirectories(entry.getParent());
            Path tmp = Files.createTempFile(entry.getParent(), "ocr", ".tmp");
            String head = "kb-ocr 1\t" + r.languages() + "\t" + String.format(Locale.ROOT, "%.2f", r.confidence()) + "\t"
                    + r.pages().size() + "\n";
            Files.writeString(tmp, head + String.join("\f", r.pages()), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the cache is an optimisation only
        }
    }
}
