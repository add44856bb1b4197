package eu.urbanagenda.kb.cli.internal.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import eu.urbanagenda.kb.cli.internal.Command;
import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.ModelRecords;
import eu.urbanagenda.kb.cli.internal.OptionSpec;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Generation;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.Role;

/** `kb partnerships`: the partnerships, filtered by status, country or generation. */
public final class PartnershipsCommand implements Command {

    @Override
    public String name() {
        return "partnerships";
    }

    @Override
    public String summary() {
        return "list the partnerships with their status, years and coordinators";
    }

    @Override
    public String description() {
        return "Each line: id, status, generation, the English name and the coordinators with their countries.\n"
                + "`kb show ID` tells the rest.";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.value("status", "STATUS", "only starting, active or completed partnerships"),
                OptionSpec.value("country", "CC", "only those with a coordinator from this country (ISO 3166 code, or EU)"),
                OptionSpec.value("generation", "GEN", "only amsterdam-2016, amsterdam-2018, ljubljana-2021 or gijon-2023"));
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        String status = args.choice("status", null, PartnershipStatus.VALUES.stream().map(PartnershipStatus::getLiteral).toList());
        String generation = args.choice("generation", null, Generation.VALUES.stream().map(Generation::getLiteral).toList());
        String country = args.value("country") == null ? null : args.value("country").strip().toUpperCase(Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new UsageException("kb partnerships: --country takes a two-letter code such as BG or EU, not '" + args.value("country") + "'");
        }
        return context.readModel(session -> list(session.model().knowledgeBase(), status, generation, country, context.console()));
    }

    private static int list(KnowledgeBase knowledgeBase, String status, String generation, String country, Console console) {
        List<Partnership> selected = new ArrayList<>();
        for (Partnership partnership : knowledgeBase.getPartnerships()) {
            if (status != null && (partnership.getStatus() == null || !partnership.getStatus().getLiteral().equals(status))) {
                continue;
            }
            if (generation != null && (partnership.getGeneration() == null || !partnership.getGeneration().getLiteral().equals(generation))) {
                continue;
            }
            if (country != null && coordinators(partnership).stream().noneMatch(a -> country.equals(a.getCountry()))) {
                continue;
            }
            selected.add(partnership);
        }
        if (console.json()) {
            selected.forEach(p -> console.jsonLine(ModelRecords.partnershipSummary(p)));
            return ExitStatus.OK;
        }
        int idWidth = selected.stream().mapToInt(p -> p.getId().length()).max().orElse(2);
        for (Partnership partnership : selected) {
            String line = String.format(Locale.ROOT, "%-" + idWidth + "s  %-9s  %-14s  %s", partnership.getId(),
                    partnership.getStatus() == null ? "" : partnership.getStatus().getLiteral(),
                    partnership.getGeneration() == null ? "" : partnership.getGeneration().getLiteral(),
                    console.bold(ModelRecords.english(partnership)));
            List<String> names = coordinators(partnership).stream()
                    .map(a -> ModelRecords.english(a) + " (" + (a.getCountry() == null ? "?" : a.getCountry()) + ")").toList();
            console.println(line + (names.isEmpty() ? "  — coordinators unconfirmed" : "  — " + String.join("; ", names)));
        }
        console.println(selected.size() + " of " + knowledgeBase.getPartnerships().size() + " partnerships");
        return ExitStatus.OK;
    }

    static List<Actor> coordinators(Partnership partnership) {
        List<Actor> result = new ArrayList<>();
        for (Participation participation : partnership.getParticipations()) {
            if (participation.getRole() == Role.COORDINATOR && participation.getActor() != null) {
                result.add(participation.getActor());
            }
        }
        return result;
    }
}
