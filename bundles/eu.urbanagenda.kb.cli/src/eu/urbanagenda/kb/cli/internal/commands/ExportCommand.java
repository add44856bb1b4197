package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.Csv;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.ModelRecords;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.ingest.IoProblems;
import eu.urbanagenda.kb.model.KnowledgeBase;

/** `kb export`: partnerships, documents or evidence as JSON lines or CSV. */
public final class ExportCommand implements Command {

    /** The CSV columns of each kind of record, in order; JSON records use the same names where flat. */
    static final List<String> PARTNERSHIP_COLUMNS = List.of("id", "name_en", "name_bg", "name_bg_translated", "name_uk",
            "name_uk_translated", "status", "generation", "start_year", "action_plan_year", "end_year", "action_count",
            "coordinators", "members", "actions", "keywords_en", "keywords_bg", "keywords_uk");
    static final List<String> DOCUMENT_COLUMNS = List.of("id", "title", "language", "location", "format", "encoding", "date", "checksum");
    static final List<String> EVIDENCE_COLUMNS = List.of("id", "document", "title", "location", "target", "targetType", "status", "score", "snippet");

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export partnerships, documents or evidence as JSON lines or CSV";
    }

    @Override
    public String description() {
        return """
                JSON: one record a line, as `kb show --json` prints a partnership. CSV (RFC 4180, UTF-8):
                one row per record with a header; lists inside a cell are separated by "; ".
                To stdout, or written atomically to --output FILE.""";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("format", "FORMAT", "json or csv (required)"),
                OptionSpec.value("what", "WHAT", "partnerships (default), documents or evidence"),
                OptionSpec.value("output", "FILE", "write to FILE instead of stdout"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (!args.has("format")) {
            throw new UsageException("kb export: --format json or --format csv is needed");
        }
        if (!args.operands().isEmpty()) {
            throw new UsageException("kb export: unexpected argument '" + args.operands().get(0) + "'");
        }
        String format = args.choice("format", "json", List.of("json", "csv"));
        String what = args.choice("what", "partnerships", List.of("partnerships", "documents", "evidence"));
        Path output = args.has("output") ? context.path(args.value("output")) : null;
        if (output != null && (output.getParent() == null || !Files.isDirectory(output.getParent()))) {
            throw new DataException("kb export: cannot write " + output + ": no such folder " + output.getParent());
        }
        List<JsonObject> records = context.readModel(session -> {
            KnowledgeBase knowledgeBase = session.model().knowledgeBase();
            List<JsonObject> made = new ArrayList<>();
            switch (what) {
                case "documents" -> knowledgeBase.getDocuments().forEach(d -> made.add(ModelRecords.document(d)));
                case "evidence" -> knowledgeBase.getEvidence().forEach(e -> made.add(ModelRecords.evidence(e)));
                default -> knowledgeBase.getPartnerships().forEach(p -> made.add(ModelRecords.partnership(p, knowledgeBase)));
            }
            return made;
        });
        StringBuilder text = new StringBuilder();
        if (format.equals("json")) {
            for (JsonObject record : records) {
                text.append(context.console().gson().toJson(record)).append('\n');
            }
        } else {
            List<String> columns = switch (what) {
                case "documents" -> DOCUMENT_COLUMNS;
                case "evidence" -> EVIDENCE_COLUMNS;
                default -> PARTNERSHIP_COLUMNS;
            };
            Function<JsonObject, List<String>> row = what.equals("partnerships") ? ExportCommand::partnershipRow
                    : record -> columns.stream().map(c -> ModelRecords.text(record.get(c))).toList();
            text.append(Csv.row(columns));
            for (JsonObject record : records) {
                text.append(Csv.row(row.apply(record)));
            }
        }
        if (output == null) {
            context.console().print(text.toString());
        } else {
            write(output, text.toString());
            context.console().error("kb export: " + records.size() + " " + what + " written to " + output);
        }
        return ExitStatus.OK;
    }

    static List<String> partnershipRow(JsonObject p) {
        JsonObject names = p.getAsJsonObject("names");
        return List.of(text(p, "id"), name(names, "en", "value"), name(names, "bg", "value"), name(names, "bg", "translated"),
                name(names, "uk", "value"), name(names, "uk", "translated"), text(p, "status"), text(p, "generation"),
                text(p, "startYear"), text(p, "actionPlanYear"), text(p, "endYear"), text(p, "actionCount"),
                actors(p.getAsJsonArray("coordinators")), actors(p.getAsJsonArray("members")),
                String.valueOf(p.getAsJsonArray("actions").size()), list(p.getAsJsonObject("keywords").getAsJsonArray("en")),
                list(p.getAsJsonObject("keywords").getAsJsonArray("bg")), list(p.getAsJsonObject("keywords").getAsJsonArray("uk")));
    }

    private static String text(JsonObject object, String member) {
        return ModelRecords.text(object.get(member));
    }

    private static String name(JsonObject names, String language, String member) {
        JsonElement entry = names.get(language);
        return entry == null || entry.isJsonNull() ? "" : ModelRecords.text(entry.getAsJsonObject().get(member));
    }

    private static String actors(JsonArray actors) {
        List<String> parts = new ArrayList<>();
        for (JsonElement actor : actors) {
            parts.add(actor.getAsJsonObject().get("id").getAsString() + " (" + ModelRecords.text(actor.getAsJsonObject().get("country")) + ")");
        }
        return String.join("; ", parts);
    }

    private static String list(JsonArray values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(v.getAsString()));
        return String.join("; ", parts);
    }

    /**
     * Writes the export: a regular file atomically (a temporary file, forced to the disk, then moved over it), so a
     * failure leaves the previous file as it was; anything else (a device, a pipe) directly. Every failure is an error
     * naming the file.
     */
    private static void write(Path output, String text) throws DataException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(output) && !Files.isRegularFile(output)) {
            try (FileChannel channel = FileChannel.open(output, StandardOpenOption.WRITE)) {
                writeAll(channel, bytes);
            } catch (IOException e) {
                throw new DataException("kb export: cannot write " + output + ": " + IoProblems.describe(e), e);
            }
            return;
        }
        Path tmp = output.resolveSibling("." + output.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                writeAll(channel, bytes);
                channel.force(true);
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new DataException("kb export: cannot write " + output + ": " + IoProblems.describe(e), e);
        }
    }

    private static void writeAll(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
