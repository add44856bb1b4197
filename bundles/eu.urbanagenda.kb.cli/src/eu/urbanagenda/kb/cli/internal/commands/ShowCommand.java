package eu.urbanagenda.kb.cli.internal.commands;

import java.util.List;
import java.util.Locale;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.ModelRecords;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.CrossCuttingIssue;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.Priority;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.localization.Localized;

/** `kb show ID`: one partnership in full. */
public final class ShowCommand implements Command {

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String summary() {
        return "show a partnership: names in three languages, coordinators, actions, linked sources";
    }

    @Override
    public String operands() {
        return "ID";
    }

    @Override
    public String description() {
        return "ID as `kb partnerships` lists it, e.g. digital-transition. Names marked [tr] are our translations;\n"
                + "the others are attested in a source of that language.";
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (args.operands().size() != 1) {
            throw new UsageException("kb show: one partnership ID is needed; see 'kb partnerships'");
        }
        String id = args.operands().get(0);
        return context.readModel(session -> show(id, session, context.console()));
    }

    private static int show(String id, KbSession session, Console console) throws UsageException {
        Partnership partnership = session.model().partnership(id)
                .orElseThrow(() -> new UsageException("kb show: unknown partnership '" + id + "'; see 'kb partnerships'"));
        if (console.json()) {
            console.jsonLine(ModelRecords.partnership(partnership, session.model().knowledgeBase()));
            return ExitStatus.OK;
        }
        console.println(console.bold(ModelRecords.english(partnership)) + "  (" + partnership.getId() + ")");
        for (Language language : Localized.NAME_LANGUAGES) {
            LocalizedString name = Localized.find(partnership.getNames(), language).orElse(null);
            console.println("  " + language.getLiteral() + ": " + (name == null ? "—" : name.getValue() + (name.isTranslated() ? "  [tr]" : "")));
        }
        console.println("Status: " + text(partnership.getStatus()) + "   Generation: " + text(partnership.getGeneration()));
        console.println("Started: " + year(partnership.getStartYear()) + "   Action plan: " + year(partnership.getActionPlanYear())
                + "   Ended: " + year(partnership.getEndYear())
                + (partnership.getActionCount() == null ? "" : "   Actions in the plan: " + partnership.getActionCount()));
        section(console, "Coordinators");
        boolean any = false;
        for (Participation participation : partnership.getParticipations()) {
            if (participation.getActor() == null) {
                continue;
            }
            any = true;
            console.println("  " + participation.getRole().getLiteral() + ": " + ModelRecords.english(participation.getActor()) + " ("
                    + participation.getActor().getCountry() + ", " + text(participation.getActor().getKind()) + ")"
                    + alsoIn(participation.getActor().getNames()));
        }
        if (!any) {
            console.println("  unconfirmed");
        }
        if (!partnership.getPriorities().isEmpty()) {
            section(console, "Priorities");
            for (Priority priority : partnership.getPriorities()) {
                console.println("  - " + ModelRecords.english(priority));
            }
        }
        if (!partnership.getActions().isEmpty()) {
            section(console, "Actions");
            for (Action action : partnership.getActions()) {
                console.println("  - " + ModelRecords.english(action) + (action.getPillar() == null ? "" : "  [" + ModelRecords.english(action.getPillar()) + "]"));
            }
        }
        if (!partnership.getCrossCuttingIssues().isEmpty()) {
            section(console, "Cross-cutting issues");
            for (CrossCuttingIssue issue : partnership.getCrossCuttingIssues()) {
                console.println("  - " + ModelRecords.english(issue));
            }
        }
        section(console, "Keywords");
        for (Language language : Localized.NAME_LANGUAGES) {
            console.println("  " + language.getLiteral() + ": " + String.join(", ", Localized.all(partnership.getKeywords(), language)));
        }
        section(console, "Linked sources");
        int count = 0;
        for (Evidence evidence : session.model().knowledgeBase().getEvidence()) {
            if (!ModelRecords.belongsTo(evidence.getTarget(), partnership)) {
                continue;
            }
            count++;
            SourceDocument document = evidence.getDocument();
            console.println(String.format(Locale.ROOT, "  %-9s %.2f  %s", evidence.getStatus().getLiteral(), evidence.getScore(),
                    document == null ? "(no document)" : document.getTitle()));
            if (document != null) {
                console.println("            " + document.getLocation() + " · " + text(document.getLanguage())
                        + (evidence.getTarget() != partnership ? " · on " + ModelRecords.english(evidence.getTarget()) : ""));
            }
            if (evidence.getSnippet() != null && !evidence.getSnippet().isBlank()) {
                console.println("            «" + evidence.getSnippet().replace('\n', ' ') + "»");
            }
        }
        if (count == 0) {
            console.println("  none yet (kb link proposes some)");
        }
        return ExitStatus.OK;
    }

    private static String alsoIn(List<LocalizedString> names) {
        StringBuilder text = new StringBuilder();
        for (Language language : List.of(Language.BG, Language.UK)) {
            Localized.find(names, language).ifPresent(n -> text.append(text.length() == 0 ? "  — " : " / ").append(n.getValue()));
        }
        return text.toString();
    }

    private static void section(Console console, String title) {
        console.println();
        console.println(console.bold(title));
    }

    private static String text(org.eclipse.emf.common.util.Enumerator value) {
        return value == null ? "—" : value.getLiteral();
    }

    private static String year(Integer year) {
        return year == null ? "—" : year.toString();
    }
}
