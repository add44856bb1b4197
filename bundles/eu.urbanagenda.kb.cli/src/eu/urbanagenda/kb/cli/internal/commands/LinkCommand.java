package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.OperationCanceledException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.Interrupts;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.ProgressPrinter;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.link.LinkChanges;
import eu.urbanagenda.kb.link.LinkOptions;
import eu.urbanagenda.kb.link.LinkVocabulary;
import eu.urbanagenda.kb.link.Linker;
import eu.urbanagenda.kb.link.Proposal;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;

/** `kb link`: proposes links of indexed documents to partnerships and coordinators, stored as suggestions. */
public final class LinkCommand implements Command {

    @Override
    public String name() {
        return "link";
    }

    @Override
    public String summary() {
        return "link indexed documents to the partnerships and coordinators they speak of (as suggestions)";
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, """
                Searches every partnership's names and keywords (and its coordinators' names) in Ukrainian,
                Bulgarian and English documents, scores each document from 0 to 1 and stores those at or above
                the threshold (default %.2f) as suggested evidence, with the passage that shows why. Links a
                person confirmed or rejected are never changed; a re-run on the same documents changes nothing.
                `kb show ID` lists a partnership's evidence.""", LinkOptions.DEFAULT_THRESHOLD);
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("threshold", "SCORE", "keep proposals scoring at least this, 0 to 1"),
                OptionSpec.value("partnership", "ID", "only this partnership (repeatable)"),
                OptionSpec.flag("no-actors", "do not look for mentions of coordinators"),
                OptionSpec.flag("dry-run", "show the proposals without storing them"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        LinkOptions options = LinkOptions.defaults().withActors(!args.has("no-actors"));
        if (args.has("threshold")) {
            try {
                double value = Double.parseDouble(args.value("threshold"));
                if (value < 0 || value > 1) {
                    throw new NumberFormatException();
                }
                options = options.withThreshold(value);
            } catch (NumberFormatException e) {
                throw new UsageException("kb link: --threshold takes a score from 0 to 1, not '" + args.value("threshold") + "'");
            }
        }
        KbSession session = context.session();
        Set<String> ids = new HashSet<>(args.values("partnership"));
        LinkVocabulary vocabulary = context.onModelThread(s -> {
            for (String id : ids) {
                if (s.model().partnership(id).isEmpty()) {
                    throw new UsageException("kb link: unknown partnership '" + id + "'; see 'kb partnerships'");
                }
            }
            return LinkVocabulary.of(s.model().knowledgeBase());
        });
        options = options.withPartnerships(ids);
        Console console = context.console();
        ProgressPrinter progress = new ProgressPrinter(console.err(), console.errTerminal());
        List<Proposal> proposals;
        try (Interrupts.Registration stop = context.onInterrupt(() -> progress.setCanceled(true))) {
            session.library().ensureIndexed(progress);
            proposals = new Linker(session.library().index()).propose(vocabulary, options, progress);
        } catch (OperationCanceledException e) {
            throw new DataException("kb link: cancelled; nothing was stored");
        } catch (IOException e) {
            throw new DataException("kb link: " + e.getMessage(), e);
        } finally {
            progress.done();
        }
        boolean dryRun = args.has("dry-run");
        Stored stored = context.onModelThread(s -> store(s, proposals, dryRun));
        for (Proposal proposal : proposals) {
            String state = stored.before().getOrDefault(proposal.sha256() + " " + proposal.targetId(), "new");
            if (console.json()) {
                console.jsonLine(json(proposal, state));
            } else {
                console.println(String.format(Locale.ROOT, "%.2f  %-14s %s", proposal.score(), proposal.targetId(),
                        console.bold(proposal.document().title() == null ? proposal.path().getFileName().toString()
                                : proposal.document().title())));
                console.println("      " + proposal.path() + " · " + proposal.document().lang().code() + " · " + state);
                console.println("      matched: " + String.join(", ", proposal.matched()));
            }
        }
        String summary = proposals.size() + " proposals at or above " + options.threshold() + ": " + stored.changes()
                + (dryRun ? " (dry run: nothing stored)" : stored.saved() ? "; saved " + session.knowledgeBaseFile() : "; nothing to store");
        if (console.json()) {
            console.error("kb link: " + summary);
        } else {
            console.println(summary);
        }
        return ExitStatus.OK;
    }

    /**
     * What storing the proposals did: the state of each link before (document checksum and target id to its state), the
     * changes in words, and whether they were saved.
     */
    private record Stored(Map<String, String> before, String changes, boolean saved) {
    }

    /**
     * Stores the proposals as one command and saves, on the model's thread. Unsaved changes of the workbench are never
     * saved along: then nothing is stored and the user is told to save or undo them first.
     */
    private static Stored store(KbSession session, List<Proposal> proposals, boolean dryRun) throws DataException {
        Map<String, String> before = new HashMap<>();
        for (Evidence evidence : session.model().knowledgeBase().getEvidence()) {
            if (evidence.getDocument() != null && evidence.getTarget() != null) {
                before.put(evidence.getDocument().getChecksum() + " " + evidence.getTarget().getId(),
                        evidence.getStatus() == EvidenceStatus.SUGGESTED ? "suggested before" : evidence.getStatus().getLiteral() + " (kept)");
            }
        }
        LinkChanges changes = LinkChanges.plan(session.model().editingDomain(), session.model().knowledgeBase(), proposals);
        boolean store = !dryRun && !changes.isEmpty();
        if (store) {
            if (session.model().isDirty()) {
                throw new DataException("kb link: the knowledge base has changes not yet saved in the workbench; save or undo"
                        + " them there, then run kb link again (nothing was stored)");
            }
            session.model().editingDomain().getCommandStack().execute(changes.command());
            try {
                session.model().save();
            } catch (IOException e) {
                throw new DataException("kb link: the suggestions could not be saved: " + e.getMessage(), e);
            }
        }
        return new Stored(before, changes.summary(), store);
    }

    private static JsonObject json(Proposal proposal, String state) {
        JsonObject object = new JsonObject();
        object.addProperty("target", proposal.targetId());
        object.addProperty("targetType", proposal.targetType());
        object.addProperty("path", proposal.path().toString());
        object.addProperty("sha256", proposal.sha256());
        object.addProperty("title", proposal.document().title());
        object.addProperty("lang", proposal.document().lang().code());
        object.addProperty("score", proposal.score());
        object.addProperty("snippet", proposal.document().snippet() == null ? null : proposal.document().snippet().marked());
        JsonArray matched = new JsonArray();
        proposal.matched().forEach(matched::add);
        object.add("matched", matched);
        object.addProperty("state", state);
        return object;
    }
}
