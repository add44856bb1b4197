package eu.urbanagenda.kb.cli.internal.commands;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;

import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.RestoreAdvice;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.model.persistence.LoadProblem;
import eu.urbanagenda.kb.model.persistence.LoadResult;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * `kb validate [FILE]`: every problem of loading and the model's constraints; exit status 1 on constraint errors, 3
 * when the file does not load cleanly (the other commands refuse it), with the way back to a good backup.
 */
public final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check a knowledge base against the model's rules (exit status 1 on errors, 3 when it is damaged)";
    }

    @Override
    public String operands() {
        return "[FILE]";
    }

    @Override
    public String description() {
        return """
                Checks FILE, or the knowledge base of the data directory, without changing it: every problem
                found while loading (cut off, invalid bytes, dangling references, duplicate ids, references
                outside the file, unknown elements, bad values) and the constraints (a coordinator and an
                English name for every partnership, unique ids, valid country codes, years from 2015 to next
                year, evidence pointing at a document, no end year while active). Each error names the object
                and the rule, or the line. Warnings do not change the exit status.
                Exit status 3: the file does not load cleanly, so the other commands refuse it; the newest good
                backup and the command that restores it are shown (see kb restore).""";
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (args.operands().size() > 1) {
            throw new UsageException("kb validate: at most one FILE");
        }
        Path file;
        if (args.operands().isEmpty()) {
            file = KbSession.knowledgeBaseFile(context.dataDirectory());
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                context.session(); // first use: sets the data directory up
            }
        } else {
            file = context.path(args.operands().get(0));
        }
        LoadResult result;
        try {
            result = KnowledgeBaseFiles.inspect(file);
        } catch (KnowledgeBaseLoadException e) {
            throw new DataException("kb validate: " + e.getMessage(),
                RestoreAdvice.line(context.dataDirectory(), file).map(line -> "kb validate: " + line).stream().toList(), e);
        }
        List<Finding> findings = new ArrayList<>();
        for (LoadProblem problem : result.problems()) {
            findings.add(new Finding("error", "load:" + problem.kind().name().toLowerCase(), problem.toString()));
        }
        collect(KnowledgeBaseValidation.validate(result.knowledgeBase()), findings);
        long errors = findings.stream().filter(f -> f.severity.equals("error")).count();
        long warnings = findings.size() - errors;

        Console console = context.console();
        for (Finding finding : findings) {
            if (console.json()) {
                JsonObject object = new JsonObject();
                object.addProperty("file", file.toString());
                object.addProperty("severity", finding.severity);
                object.addProperty("rule", finding.rule);
                object.addProperty("message", finding.message);
                console.jsonLine(object);
            } else {
                console.println(finding.severity + ": " + finding.message);
            }
        }
        String summary = file + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
        List<String> after = new ArrayList<>(List.of(summary));
        if (result.hasProblems()) {
            after.add(file + " does not load cleanly (" + result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems")
                + " above): the other commands refuse it, and nothing was changed");
            RestoreAdvice.line(context.dataDirectory(), file).ifPresent(after::add);
        }
        for (String line : after) {
            if (console.json()) {
                console.error(line);
            } else {
                console.println(line);
            }
        }
        result.resource().unload();
        return result.hasProblems() ? ExitStatus.DATA : errors > 0 ? ExitStatus.VALIDATION_ERRORS : ExitStatus.OK;
    }

    private record Finding(String severity, String rule, String message) {
    }

    private static void collect(Diagnostic diagnostic, List<Finding> findings) {
        if (diagnostic.getChildren().isEmpty()) {
            if (diagnostic.getSeverity() == Diagnostic.ERROR || diagnostic.getSeverity() == Diagnostic.WARNING) {
                String rule = diagnostic.getData().size() > 1 && diagnostic.getData().get(1) instanceof String s ? s : diagnostic.getSource();
                findings.add(new Finding(diagnostic.getSeverity() == Diagnostic.ERROR ? "error" : "warning", rule, diagnostic.getMessage()));
            }
            return;
        }
        for (Diagnostic child : diagnostic.getChildren()) {
            collect(child, findings);
        }
    }
}
