package eu.urbanagenda.kb.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The {@code tesseract} command: which languages it has, and the text of one image with its mean word confidence
 * (from Tesseract's TSV output). One process per image, with a time limit; cancelling kills it.
 */
public final class Tesseract {

    /** Tesseract or a language it needs is not installed; the message says what to install. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** The OCR of a page was cancelled. */
    public static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /**
     * The text of an image.
     *
     * @param text the recognised text, lines and paragraphs as Tesseract found them
     * @param words how many words were recognised
     * @param confidence mean word confidence 0–100 (0 when no word was found)
     */
    public record Page(String text, int words, double confidence) {
    }

    /** The Debian packages of Tesseract's languages. */
    public static String packageOf(String language) {
        return "tesseract-ocr-" + language;
    }

    private static final AtomicLong PROCESSES = new AtomicLong();

    private final String command;
    private Set<String> languages;
    private String missing;

    /**
     * @param command the command, e.g. {@code tesseract}
     */
    public Tesseract(String command) {
        this.command = command;
    }

    /** @return how many recognition processes were started in this JVM (the OCR cache avoids them) */
    public static long processesStarted() {
        return PROCESSES.get();
    }

    /**
     * @return the installed languages (e.g. ukr, bul, eng)
     * @throws Unavailable if Tesseract is not installed
     */
    public synchronized Set<String> languages() throws Unavailable {
        if (languages == null && missing == null) {
            try {
                Process p = new ProcessBuilder(command, "--list-langs").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    missing = "Tesseract does not run (" + command + " --list-langs failed)";
                } else {
                    Set<String> found = new TreeSet<>();
                    for (String line : out.split("\n")) {
                        String l = line.strip();
                        if (!l.isEmpty() && !l.startsWith("List of") && !l.contains(" ")) {
                            found.add(l);
                        }
                    }
                    languages = found;
                }
            } catch (IOException e) {
                missing = "Tesseract is not installed";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing = "interrupted";
            }
        }
        if (languages == null) {
            throw new Unavailable(missing + " (apt-get install tesseract-ocr tesseract-ocr-ukr tesseract-ocr-bul "
                    + "tesseract-ocr-eng)");
        }
        return languages;
    }

    /**
     * @param wanted Tesseract language codes
     * @throws Unavailable naming what to install if Tesseract or one of the languages is missing
     */
    public void require(List<String> wanted) throws Unavailable {
        Set<String> have = languages();
        List<String> absent = wanted.stream().filter(l -> !have.contains(l)).toList();
        if (!absent.isEmpty()) {
            throw new Unavailable("Tesseract's " + String.join(", ", absent) + " language data "
                    + (absent.size() == 1 ? "is" : "are") + " not installed (apt-get install "
                    + String.join(" ", absent.stream().map(Tesseract::packageOf).toList()) + ")");
        }
    }

    /**
     * Recognises the text of an image file.
     *
     * @param image an image file Tesseract reads (PNG, JPEG, TIFF, PNM)
     * @param languages Tesseract language codes, tried together
     * @param dpi the resolution if known, else 0
     * @param limit the time limit
     * @param cancelled tells to stop
     * @return the text and confidence
     * @throws IOException if Tesseract fails or takes too long; the message is the reason
     * @throws Cancelled if cancelled
     */
    public Page recognise(Path image, List<String> languages, int dpi, Duration limit, BooleanSupplier cancelled)
            throws IOException, Cancelled {
        Path out = Files.createTempFile("kb-ocr", ".tsv");
        Path err = Files.createTempFile("kb-ocr", ".err");
        try {
            List<String> cmd = new ArrayList<>(List.of(command, image.toString(), "stdout", "-l",
                    String.join("+", languages), "--psm", "3"));
            if (dpi > 0) {
                cmd.addAll(List.of("--dpi", Integer.toString(dpi)));
            }
            cmd.add("tsv");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            // one thread per process: the indexing runs several files at once already
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            PROCESSES.incrementAndGet();
            Process p = pb.start();
            long end = System.nanoTime() + limit.toNanos();
            try {
                while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                    if (cancelled.getAsBoolean()) {
                        p.destroyForcibly();
                        throw new Cancelled();
                    }
                    if (System.nanoTime() - end > 0) {
                        p.destroyForcibly();
                        throw new IOException("OCR of a page took longer than " + limit.toSeconds() + " s");
                    }
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
            if (p.exitValue() != 0) {
                String message = Files.readString(err, StandardCharsets.UTF_8).strip();
                int nl = message.lastIndexOf('\n');
                throw new IOException("Tesseract failed: " + (nl >= 0 ? message.substring(nl + 1) : message));
            }
            return parseTsv(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * @param tsv Tesseract's TSV output
     * @return the text (a line break per line, an empty line between paragraphs) and the mean word confidence
     */
    static Page parseTsv(String tsv) {
        StringBuilder text = new StringBuilder();
        String lastLine = null;
        String lastPar = null;
        double sum = 0;
        int words = 0;
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].equals("5")) {
                continue;
            }
            String word = c[11].strip();
            double conf;
            try {
                conf = Double.parseDouble(c[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (word.isEmpty() || conf < 0) {
                continue;
            }
            String par = c[1] + "/" + c[2] + "/" + c[3];
            String line = par + "/" + c[4];
            if (lastLine != null && !line.equals(lastLine)) {
                text.append(par.equals(lastPar) ? "\n" : "\n\n");
            } else if (lastLine != null) {
                text.append(' ');
            }
            text.append(word);
            lastLine = line;
            lastPar = par;
            sum += conf;
            words++;
        }
        return new Page(text.toString(), words, words == 0 ? 0 : sum / words);
    }
}
