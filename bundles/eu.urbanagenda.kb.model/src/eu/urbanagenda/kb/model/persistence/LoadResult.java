package eu.urbanagenda.kb.model.persistence;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;

import eu.urbanagenda.kb.model.KnowledgeBase;

/**
 * A loaded knowledge base, the resource that holds it, and the problems found while loading. Always empty from
 * {@link KnowledgeBaseFiles#load(java.nio.file.Path)} (a file with problems is refused); from
 * {@link KnowledgeBaseFiles#inspect(java.nio.file.Path)} the knowledge base is only what could be read, and its resource
 * refuses to be saved.
 */
public record LoadResult(KnowledgeBase knowledgeBase, Resource resource, List<LoadProblem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
