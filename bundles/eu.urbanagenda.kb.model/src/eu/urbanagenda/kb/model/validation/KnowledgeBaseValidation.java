package eu.urbanagenda.kb.model.validation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.util.Diagnostician;

import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.util.UrbanAgendaValidator;

/**
 * Validates a knowledge base (or any object of it, with its contents) with EMF's {@link Diagnostician} and the
 * model's {@link UrbanAgendaValidator}. Each problem is a child diagnostic whose message names the rule and the object,
 * e.g. {@code [HasCoordinator] Partnership 'food' (Food): a partnership needs at least one coordinator}; its data are the
 * object and the rule name. Rules (see the model bundle's README): IdWellFormed, UniqueId, HasEnglishName,
 * OneNamePerLanguage, HasValue, ValidCountryCode, HasCoordinator, YearsInRange, ActiveHasNoEndYear,
 * KnownUnconfirmedFeatures, HasActor, HasLocation, ChecksumFormat, HasDocument, HasTarget, ScoreInRange, and EMF's
 * own structural checks (multiplicities, values, dangling references).
 */
public final class KnowledgeBaseValidation {

    private KnowledgeBaseValidation() {
    }

    /** Validates with the system clock. */
    public static Diagnostic validate(EObject object) {
        return validate(object, Clock.systemDefaultZone());
    }

    /** Validates; the YearsInRange rule allows years up to the clock's year + 1. */
    public static Diagnostic validate(EObject object, Clock clock) {
        Diagnostician diagnostician = new LabelledDiagnostician();
        Map<Object, Object> context = diagnostician.createDefaultContext();
        context.put(Clock.class, clock);
        return diagnostician.validate(object, context);
    }

    /** The messages of the errors (and, with {@code withWarnings}, warnings), one line each, e.g. for a log. */
    public static List<String> messages(Diagnostic diagnostic, boolean withWarnings) {
        List<String> messages = new ArrayList<>();
        collect(diagnostic, withWarnings, messages);
        return messages;
    }

    private static void collect(Diagnostic diagnostic, boolean withWarnings, List<String> messages) {
        if (diagnostic.getChildren().isEmpty()) {
            if (diagnostic.getSeverity() == Diagnostic.ERROR || withWarnings && diagnostic.getSeverity() == Diagnostic.WARNING) {
                messages.add((diagnostic.getSeverity() == Diagnostic.ERROR ? "ERROR " : "WARNING ") + diagnostic.getMessage());
            }
            return;
        }
        for (Diagnostic child : diagnostic.getChildren()) {
            collect(child, withWarnings, messages);
        }
    }

    /** Uses the model's validator whatever the global registry holds, and names objects the way the rules do. */
    private static final class LabelledDiagnostician extends Diagnostician {

        LabelledDiagnostician() {
            super(registry());
        }

        private static EValidator.Registry registry() {
            EValidator.Registry registry = new org.eclipse.emf.ecore.impl.EValidatorRegistryImpl(EValidator.Registry.INSTANCE);
            registry.put((EPackage) UrbanAgendaPackage.eINSTANCE, UrbanAgendaValidator.INSTANCE);
            return registry;
        }

        @Override
        public String getObjectLabel(EObject eObject) {
            return UrbanAgendaValidator.describe(eObject);
        }

        @Override
        public String getFeatureLabel(EStructuralFeature eStructuralFeature) {
            return eStructuralFeature.getName();
        }
    }
}
