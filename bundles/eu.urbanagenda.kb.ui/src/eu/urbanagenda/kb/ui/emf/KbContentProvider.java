package eu.urbanagenda.kb.ui.emf;

import java.util.Collection;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.edit.provider.IStructuredItemContentProvider;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * Structured and tree content from the generated item providers ({@link ITreeItemContentProvider}): what an EMF
 * editor's tree shows. A {@link ResourceSet} or {@link Resource} input shows its contents; a collection shows its
 * elements. Refreshing on change is {@link ViewerRefresher}'s job.
 */
public class KbContentProvider implements ITreeContentProvider {

    private static final Object[] NONE = new Object[0];

    private final AdapterFactory adapterFactory;

    public KbContentProvider(AdapterFactory adapterFactory) {
        this.adapterFactory = adapterFactory;
    }

    public AdapterFactory getAdapterFactory() {
        return adapterFactory;
    }

    @Override
    public Object[] getElements(Object input) {
        if (input instanceof ResourceSet resourceSet) {
            return resourceSet.getResources().stream().flatMap(r -> r.getContents().stream()).toArray();
        }
        if (input instanceof Resource resource) {
            return resource.getContents().toArray();
        }
        if (input instanceof Collection<?> collection) {
            return collection.toArray();
        }
        if (input instanceof Object[] array) {
            return array;
        }
        IStructuredItemContentProvider provider = (IStructuredItemContentProvider) adapterFactory.adapt(input,
                IStructuredItemContentProvider.class);
        return provider == null ? NONE : provider.getElements(input).toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        ITreeItemContentProvider provider = treeProvider(parent);
        return provider == null ? NONE : provider.getChildren(parent).toArray();
    }

    @Override
    public Object getParent(Object element) {
        ITreeItemContentProvider provider = treeProvider(element);
        return provider == null ? null : provider.getParent(element);
    }

    @Override
    public boolean hasChildren(Object element) {
        ITreeItemContentProvider provider = treeProvider(element);
        return provider != null && provider.hasChildren(element);
    }

    private ITreeItemContentProvider treeProvider(Object element) {
        return element == null ? null : (ITreeItemContentProvider) adapterFactory.adapt(element, ITreeItemContentProvider.class);
    }
}
