package eu.urbanagenda.kb.model.persistence;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;

import eu.urbanagenda.kb.model.KnowledgeBase;

/**
 * A loaded knowledge base, the resource that holds it, and the problems found while loading (empty when the file was
 * clean). Callers that edit and save should show the problems first: what they describe is not in the model.
 */
public record LoadResult(KnowledgeBase knowledgeBase, Resource resource, List<LoadProblem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
