package eu.urbanagenda.kb.cli.internal;

import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.CrossCuttingIssue;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceTarget;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.Priority;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.localization.Localized;

/** Model objects as JSON records, the shape of `--json` output and of `kb export --format json`. */
public final class ModelRecords {

    /** The languages every name is shown in, in this order. */

    private ModelRecords() {
    }

    /** {"en": {"value": …, "translated": false}, "bg": …, "uk": …}; a missing language is null. */
    public static JsonObject names(List<LocalizedString> texts) {
        JsonObject object = new JsonObject();
        for (Language language : Localized.NAME_LANGUAGES) {
            LocalizedString text = Localized.find(texts, language).orElse(null);
            if (text == null) {
                object.add(language.getLiteral(), JsonNull.INSTANCE);
            } else {
                JsonObject entry = new JsonObject();
                entry.addProperty("value", text.getValue());
                entry.addProperty("translated", text.isTranslated());
                object.add(language.getLiteral(), entry);
            }
        }
        return object;
    }

    public static String english(Named named) {
        return Localized.name(named, Locale.ENGLISH);
    }

    public static JsonObject actor(Actor actor) {
        JsonObject object = new JsonObject();
        object.addProperty("id", actor.getId());
        object.addProperty("name", english(actor));
        object.add("names", names(actor.getNames()));
        object.addProperty("kind", actor.getKind() == null ? null : actor.getKind().getLiteral());
        object.addProperty("country", actor.getCountry());
        return object;
    }

    /** The summary `kb partnerships` lists. */
    public static JsonObject partnershipSummary(Partnership partnership) {
        JsonObject object = new JsonObject();
        object.addProperty("id", partnership.getId());
        object.add("names", names(partnership.getNames()));
        object.addProperty("status", literal(partnership.getStatus()));
        object.addProperty("generation", literal(partnership.getGeneration()));
        object.addProperty("startYear", partnership.getStartYear());
        object.addProperty("actionPlanYear", partnership.getActionPlanYear());
        object.addProperty("endYear", partnership.getEndYear());
        object.add("coordinators", actors(partnership, Role.COORDINATOR));
        return object;
    }

    /** Everything `kb show` tells of a partnership. */
    public static JsonObject partnership(Partnership partnership, KnowledgeBase knowledgeBase) {
        JsonObject object = partnershipSummary(partnership);
        object.addProperty("actionCount", partnership.getActionCount());
        object.add("members", actors(partnership, Role.MEMBER));
        object.add("actionLeaders", actors(partnership, Role.ACTION_LEADER));
        JsonArray priorities = new JsonArray();
        for (Priority priority : partnership.getPriorities()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", priority.getId());
            entry.add("names", names(priority.getNames()));
            priorities.add(entry);
        }
        object.add("priorities", priorities);
        JsonArray actions = new JsonArray();
        for (Action action : partnership.getActions()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", action.getId());
            entry.add("names", names(action.getNames()));
            entry.addProperty("pillar", action.getPillar() == null ? null : action.getPillar().getId());
            entry.addProperty("status", literal(action.getStatus()));
            actions.add(entry);
        }
        object.add("actions", actions);
        JsonArray issues = new JsonArray();
        for (CrossCuttingIssue issue : partnership.getCrossCuttingIssues()) {
            issues.add(issue.getId());
        }
        object.add("crossCuttingIssues", issues);
        JsonObject keywords = new JsonObject();
        for (Language language : Localized.NAME_LANGUAGES) {
            JsonArray values = new JsonArray();
            Localized.all(partnership.getKeywords(), language).forEach(values::add);
            keywords.add(language.getLiteral(), values);
        }
        object.add("keywords", keywords);
        JsonArray unconfirmed = new JsonArray();
        partnership.getUnconfirmed().forEach(unconfirmed::add);
        object.add("unconfirmed", unconfirmed);
        JsonArray evidence = new JsonArray();
        for (Evidence item : knowledgeBase.getEvidence()) {
            if (belongsTo(item.getTarget(), partnership)) {
                evidence.add(evidence(item));
            }
        }
        object.add("evidence", evidence);
        return object;
    }

    /** The target itself, or an action or priority of it. */
    public static boolean belongsTo(EvidenceTarget target, Partnership partnership) {
        for (org.eclipse.emf.ecore.EObject object = target; object != null; object = object.eContainer()) {
            if (object == partnership) {
                return true;
            }
        }
        return false;
    }

    public static JsonObject evidence(Evidence evidence) {
        JsonObject object = new JsonObject();
        object.addProperty("id", evidence.getId());
        SourceDocument document = evidence.getDocument();
        object.addProperty("document", document == null ? null : document.getId());
        object.addProperty("title", document == null ? null : document.getTitle());
        object.addProperty("location", document == null ? null : document.getLocation());
        object.addProperty("target", evidence.getTarget() == null ? null : evidence.getTarget().getId());
        object.addProperty("targetType", evidence.getTarget() == null ? null : evidence.getTarget().eClass().getName());
        object.addProperty("status", literal(evidence.getStatus()));
        object.addProperty("score", evidence.getScore());
        object.addProperty("snippet", evidence.getSnippet());
        return object;
    }

    public static JsonObject document(SourceDocument document) {
        JsonObject object = new JsonObject();
        object.addProperty("id", document.getId());
        object.addProperty("title", document.getTitle());
        object.addProperty("language", literal(document.getLanguage()));
        object.addProperty("location", document.getLocation());
        object.addProperty("format", literal(document.getFormat()));
        object.addProperty("encoding", document.getEncoding());
        object.addProperty("date", document.getDate() == null ? null : document.getDate().toString());
        object.addProperty("checksum", document.getChecksum());
        return object;
    }

    private static JsonArray actors(Partnership partnership, Role role) {
        JsonArray array = new JsonArray();
        for (Participation participation : partnership.getParticipations()) {
            if (participation.getRole() == role && participation.getActor() != null) {
                JsonObject actor = actor(participation.getActor());
                if (participation.getAction() != null) {
                    actor.addProperty("action", participation.getAction().getId());
                }
                array.add(actor);
            }
        }
        return array;
    }

    static String literal(org.eclipse.emf.common.util.Enumerator value) {
        return value == null ? null : value.getLiteral();
    }

    /** A JSON value as plain text for a CSV cell or a table: null is empty. */
    public static String text(JsonElement element) {
        return element == null || element.isJsonNull() ? "" : element.isJsonPrimitive() ? element.getAsString() : element.toString();
    }
}
