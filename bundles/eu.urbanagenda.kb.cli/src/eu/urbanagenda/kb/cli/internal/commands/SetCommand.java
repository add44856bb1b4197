package eu.urbanagenda.kb.cli.internal.commands;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.domain.EditingDomain;

import eu.urbanagenda.kb.cli.internal.Console;
import eu.urbanagenda.kb.cli.internal.Context;
import eu.urbanagenda.kb.cli.internal.DataException;
import eu.urbanagenda.kb.cli.internal.ExitStatus;
import eu.urbanagenda.kb.cli.internal.ParsedArgs;
import eu.urbanagenda.kb.cli.internal.UsageException;
import eu.urbanagenda.kb.core.KbModel;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * `kb set ID FEATURE VALUE`: one edit, the command the editor makes for it, saved and recorded as a version. An edit that
 * would give the knowledge base a new validation error is refused, and nothing is saved.
 */
public final class SetCommand implements eu.urbanagenda.kb.cli.internal.Command {

    /** The attributes set by name, per type (names and translated flags go by language: name.bg, translated.bg). */
    private static final List<EStructuralFeature> FEATURES = List.of(Literals.PARTNERSHIP__STATUS, Literals.PARTNERSHIP__GENERATION,
            Literals.PARTNERSHIP__START_YEAR, Literals.PARTNERSHIP__ACTION_PLAN_YEAR, Literals.PARTNERSHIP__END_YEAR,
            Literals.PARTNERSHIP__ACTION_COUNT, Literals.ACTOR__COUNTRY, Literals.ACTOR__KIND, Literals.ACTION__STATUS,
            Literals.PRIORITY__STATUS, Literals.EVIDENCE__STATUS, Literals.EVIDENCE__SNIPPET, Literals.SOURCE_DOCUMENT__TITLE);

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String summary() {
        return "make one edit (a name, a status, a year…), saved and recorded as a version";
    }

    @Override
    public String operands() {
        return "ID FEATURE VALUE";
    }

    @Override
    public String description() {
        StringBuilder text = new StringBuilder("""
                ID is any object of the knowledge base (a partnership, actor, action, priority, evidence or
                document id). The edit is the same command the workbench's editor makes; it is saved and recorded
                in the history as a version (kb history). An edit that would give the knowledge base a new
                validation error is refused (exit status 1) and nothing is saved. VALUE "-" clears a year or count.

                Features:
                  name.LANG            the name in en, uk or bg (an empty VALUE removes it; not en)
                  translated.LANG      yes or no: the name in that language is our translation
                """);
        for (EStructuralFeature feature : FEATURES) {
            text.append(String.format("  %-20s %s of %s%s%n", feature.getName(), KnowledgeBaseLabels.featureName(feature).toLowerCase(Locale.ROOT),
                    feature.getEContainingClass().getName().toLowerCase(Locale.ROOT).replace("sourcedocument", "document"), values(feature)));
        }
        text.append("\nExamples: kb set digital-transition status completed; kb set digital-transition name.bg \"Дигитален преход\"");
        return text.toString();
    }

    private static String values(EStructuralFeature feature) {
        if (feature.getEType() instanceof EEnum eEnum) {
            return ": " + String.join(", ", eEnum.getELiterals().stream().map(EEnumLiteral::getLiteral).toList());
        }
        return feature.getEType().getInstanceClass() == Integer.class ? ": a year or number, or -" : "";
    }

    @Override
    public int run(ParsedArgs args, Context context) throws UsageException, DataException {
        if (args.operands().size() != 3) {
            throw new UsageException("kb set: ID, FEATURE and VALUE are needed; see 'kb set --help'");
        }
        String id = args.operands().get(0);
        String featureName = args.operands().get(1);
        String value = args.operands().get(2);
        Console console = context.console();
        // on the thread that edits the knowledge base: the workbench's UI thread when the workbench runs the command
        return context.onModelThread(session -> set(session.model(), id, featureName, value, console));
    }

    private static int set(KbModel model, String id, String featureName, String value, Console console)
            throws UsageException, DataException {
        Identified object = find(model, id);
        if (object == null) {
            throw new UsageException("kb set: no object has the id '" + id + "'; see 'kb partnerships' and 'kb show ID'");
        }
        Command command = command(model.editingDomain(), object, featureName, value);
        if (command == null) {
            console.println(id + ": " + featureName + " is " + (value.isEmpty() ? "empty" : value) + " already; nothing to change");
            return ExitStatus.OK;
        }
        if (model.isDirty()) {
            // saving this edit would save the workbench's half-done ones with it
            throw new DataException("kb set: the knowledge base has changes not yet saved in the workbench; save or undo"
                    + " them there, then run kb set again (nothing was changed)");
        }
        Set<String> before = errors(model);
        model.editingDomain().getCommandStack().execute(command);
        List<String> added = new ArrayList<>(errors(model));
        added.removeAll(before);
        if (!added.isEmpty()) {
            model.editingDomain().getCommandStack().undo();
            added.forEach(error -> console.error("kb set: " + error));
            console.error("kb set: the edit would make the knowledge base invalid; nothing was saved");
            return ExitStatus.VALIDATION_ERRORS;
        }
        KbModel.Saved saved;
        try {
            saved = model.save();
        } catch (IOException e) {
            throw new DataException("kb set: " + e.getMessage(), e);
        }
        console.println(id + ": " + command.getLabel() + " (" + featureName + " = " + (value.isEmpty() ? "—" : value) + ")"
                + saved.version().map(v -> "; saved as version " + v.shortId()).orElse("; saved"));
        return ExitStatus.OK;
    }

    private static Identified find(KbModel model, String id) {
        if (id.equals(model.knowledgeBase().getId())) {
            return model.knowledgeBase();
        }
        for (Iterator<EObject> all = model.knowledgeBase().eAllContents(); all.hasNext();) {
            if (all.next() instanceof Identified identified && id.equals(identified.getId())) {
                return identified;
            }
        }
        return null;
    }

    private static Set<String> errors(KbModel model) {
        Set<String> errors = new LinkedHashSet<>();
        for (Diagnostic diagnostic : KnowledgeBaseValidation.validate(model.knowledgeBase()).getChildren()) {
            if (diagnostic.getSeverity() == Diagnostic.ERROR) {
                errors.add(diagnostic.getMessage());
            }
        }
        return errors;
    }

    /** The editor's command for this edit; {@code null} when the object has that value already. */
    static Command command(EditingDomain domain, Identified object, String featureName, String value) throws UsageException {
        int dot = featureName.indexOf('.');
        if (dot > 0 && object instanceof Named named) {
            Language language = Language.get(featureName.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (language == null || !List.of(Language.EN, Language.UK, Language.BG).contains(language)) {
                throw new UsageException("kb set: '" + featureName.substring(dot + 1) + "' is not a language of names (en, uk, bg)");
            }
            switch (featureName.substring(0, dot)) {
            case "name" -> {
                if (language == Language.EN && value.isBlank()) {
                    throw new UsageException("kb set: the English name cannot be removed (every object needs one)");
                }
                return KnowledgeBaseCommands.setName(domain, named, language, value);
            }
            case "translated" -> {
                if (named.getNames().stream().noneMatch(n -> n.getLanguage() == language)) {
                    throw new UsageException("kb set: '" + object.getId() + "' has no name in " + language.getLiteral() + " to flag");
                }
                return KnowledgeBaseCommands.setTranslated(domain, named, language, yesNo(value));
            }
            default -> {
                // not a feature by language: said below
            }
            }
        }
        EStructuralFeature feature = FEATURES.stream()
                .filter(f -> f.getName().equals(featureName) && f.getEContainingClass().isSuperTypeOf(object.eClass())).findFirst()
                .orElseThrow(() -> new UsageException("kb set: " + KnowledgeBaseLabels.typeName(object).toLowerCase(Locale.ROOT) + " '"
                        + object.getId() + "' has no feature '" + featureName + "' that kb set can change; it has: "
                        + String.join(", ", featuresOf(object))));
        Object parsed = parse((EAttribute) feature, value);
        if (feature == Literals.EVIDENCE__STATUS) {
            return KnowledgeBaseCommands.setEvidenceStatus(domain, List.of((Evidence) object), (EvidenceStatus) parsed);
        }
        String label = feature == Literals.PARTNERSHIP__STATUS || feature == Literals.ACTION__STATUS || feature == Literals.PRIORITY__STATUS
                ? KnowledgeBaseCommands.label("setStatus")
                : feature == Literals.PARTNERSHIP__GENERATION ? KnowledgeBaseCommands.label("setGeneration")
                        : feature == Literals.ACTOR__COUNTRY ? KnowledgeBaseCommands.label("setCountry")
                                : KnowledgeBaseCommands.label("set", KnowledgeBaseLabels.featureName(feature));
        return KnowledgeBaseCommands.set(domain, object, feature, parsed, label);
    }

    private static List<String> featuresOf(EObject object) {
        List<String> names = new ArrayList<>();
        if (object instanceof Named) {
            names.addAll(List.of("name.en", "name.uk", "name.bg", "translated.uk", "translated.bg"));
        }
        FEATURES.stream().filter(f -> f.getEContainingClass().isSuperTypeOf(object.eClass())).forEach(f -> names.add(f.getName()));
        return names;
    }

    private static Object parse(EAttribute feature, String value) throws UsageException {
        String text = value.strip();
        if (feature.getEType() instanceof EEnum eEnum) {
            EEnumLiteral literal = eEnum.getEEnumLiteralByLiteral(text);
            if (literal == null) {
                throw new UsageException("kb set: '" + text + "' is not a " + feature.getName() + "; one of: "
                        + String.join(", ", eEnum.getELiterals().stream().map(EEnumLiteral::getLiteral).toList()));
            }
            Enumerator instance = literal.getInstance();
            return instance;
        }
        if (feature.getEType().getInstanceClass() == Integer.class) {
            if (text.equals("-") || text.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new UsageException("kb set: " + feature.getName() + " takes a whole number (or - to clear it), not '" + text + "'");
            }
        }
        if (feature == Literals.ACTOR__COUNTRY) {
            return text.toUpperCase(Locale.ROOT);
        }
        return text.isEmpty() ? null : text;
    }

    private static boolean yesNo(String value) throws UsageException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "yes", "true", "1" -> true;
        case "no", "false", "0" -> false;
        default -> throw new UsageException("kb set: translated takes yes or no, not '" + value + "'");
        };
    }
}
