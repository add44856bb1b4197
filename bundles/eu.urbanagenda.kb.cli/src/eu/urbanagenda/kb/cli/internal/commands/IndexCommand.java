package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.ProgressPrinter;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.SkippedFile;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;

/** `kb index [PATH...]`: incremental ingestion of files and folders. */
public final class IndexCommand implements Command {

    @Override
    public String name() {
        return "index";
    }

    @Override
    public String summary() {
        return "add files and folders to the search index (new, changed and deleted files only)";
    }

    @Override
    public String operands() {
        return "[PATH...]";
    }

    @Override
    public String description() {
        return """
                Reads plain text, HTML, PDF, Word (.docx, .doc), OpenDocument, RTF, EPUB, Excel, PowerPoint,
                e-mail (.eml, .msg) and ZIP archives (each member on its own), recursively in folders, detects
                their encoding and language, and indexes them. Scans (PDFs without text, JPEG, PNG, TIFF) are
                read by Tesseract OCR (apt-get install tesseract-ocr tesseract-ocr-ukr tesseract-ocr-bul
                tesseract-ocr-eng), once per file content. A re-run adds new files, re-indexes changed ones and removes
                deleted ones. With no PATH, every file and folder indexed before is scanned again.
                Files that cannot be used (binary, empty, too large, unreadable) are skipped, each with
                its reason; the run goes on. Ctrl+C stops after the current files and keeps what was done.
                Progress goes to stderr; the summary to stdout.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("encoding", "FOLDER=CHARSET", "read the text files under FOLDER in CHARSET (repeatable)"),
                OptionSpec.value("ocr-lang", "FOLDER=LANGS", "read the scans under FOLDER in these Tesseract languages, e.g. ukr or bul+eng (repeatable)"),
                OptionSpec.value("max-size", "MB", "skip files larger than this (default 64)"),
                OptionSpec.value("threads", "N", "files read at once (default: up to 4)"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        List<Path> paths = new ArrayList<>();
        for (String operand : args.operands()) {
            Path path = Path.of(operand).toAbsolutePath().normalize();
            if (Files.isSymbolicLink(path) && !Files.exists(path)) {
                paths.add(path); // listed as skipped, with where it points
                continue;
            }
            if (!Files.exists(path)) {
                throw new DataException("kb index: cannot read " + path + ": no such file or directory");
            }
            if (!Files.isReadable(path)) {
                throw new DataException("kb index: cannot read " + path + ": permission denied");
            }
            paths.add(path);
        }
        UpdateRequest.Builder options = UpdateRequest.builder();
        for (String value : args.values("encoding")) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("kb index: --encoding takes FOLDER=CHARSET, not '" + value + "'");
            }
            try {
                options.encoding(Path.of(value.substring(0, eq)).toAbsolutePath().normalize(), Charset.forName(value.substring(eq + 1)));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UsageException("kb index: unknown encoding '" + value.substring(eq + 1) + "'");
            }
        }
        for (String value : args.values("ocr-lang")) {
            int eq = value.indexOf('=');
            if (eq <= 0 || !value.substring(eq + 1).matches("[a-z_]+(\\+[a-z_]+)*")) {
                throw new UsageException("kb index: --ocr-lang takes FOLDER=LANGS such as ~/scans=ukr+eng, not '" + value + "'");
            }
            options.ocrLanguages(Path.of(value.substring(0, eq)).toAbsolutePath().normalize(), List.of(value.substring(eq + 1).split("\\+")));
        }
        if (args.has("max-size")) {
            options.maxFileSize(args.intValue("max-size", 64, 1, 4096) * 1024L * 1024L);
        }
        if (args.has("threads")) {
            options.threads(args.intValue("threads", 4, 1, 64));
        }

        Console console = context.console();
        KbSession session = context.session();
        ProgressPrinter progress = new ProgressPrinter(console.err(), console.errTerminal());
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            progress.setCanceled(true);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kb index: stop on Ctrl+C");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        UpdateReport report;
        try {
            session.library().ensureIndexed(progress);
            if (paths.isEmpty() && session.library().recordedSources().isEmpty()) {
                console.error("kb index: nothing indexed yet; give the files or folders to index");
                return ExitStatus.USAGE;
            }
            report = session.library().update(paths, options, progress);
        } catch (IOException e) {
            throw new DataException("kb index: " + e.getMessage(), e);
        } finally {
            progress.done();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook waited for us.
            }
        }
        print(report, console);
        return ExitStatus.OK;
    }

    private static void print(UpdateReport report, Console console) {
        if (console.json()) {
            report.added().forEach(p -> console.jsonLine(event("added", p)));
            report.updated().forEach(p -> console.jsonLine(event("updated", p)));
            report.removed().forEach(p -> console.jsonLine(event("removed", p)));
            for (SkippedFile skipped : report.skipped()) {
                JsonObject object = event("skipped", skipped.file());
                object.addProperty("reason", skipped.reason());
                console.jsonLine(object);
            }
            JsonObject summary = new JsonObject();
            summary.addProperty("event", "summary");
            summary.addProperty("added", report.added().size());
            summary.addProperty("updated", report.updated().size());
            summary.addProperty("removed", report.removed().size());
            summary.addProperty("unchanged", report.unchanged());
            summary.addProperty("skipped", report.skipped().size());
            summary.addProperty("cancelled", report.cancelled());
            summary.addProperty("documents", report.documents());
            summary.addProperty("seconds", report.elapsed().toMillis() / 1000.0);
            console.jsonLine(summary);
            return;
        }
        console.println(console.bold("Indexed: ") + report.summary() + String.format(" in %.1f s; %,d documents in the index",
                report.elapsed().toMillis() / 1000.0, report.documents()));
        if (!report.skipped().isEmpty()) {
            console.println("Skipped:");
            for (SkippedFile skipped : report.skipped()) {
                console.println("  " + skipped.file() + ": " + skipped.reason());
            }
        }
    }

    private static JsonObject event(String kind, Path path) {
        JsonObject object = new JsonObject();
        object.addProperty("event", kind);
        object.addProperty("path", path.toString());
        return object;
    }
}
