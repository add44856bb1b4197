package eu.urbanagenda.kb.ui.emf;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.IPropertySourceProvider;

/**
 * Property sources for model objects from their item providers ({@link IItemPropertySource}), for the Properties
 * view: every change is a command on the given editing domain, so it can be undone.
 */
public class KbPropertySourceProvider implements IPropertySourceProvider {

    private final EditingDomain domain;
    private final KbLabelProvider labels;

    /** {@code labels} gives the texts and images of values (its owner disposes it). */
    public KbPropertySourceProvider(EditingDomain domain, KbLabelProvider labels) {
        this.domain = domain;
        this.labels = labels;
    }

    @Override
    public IPropertySource getPropertySource(Object object) {
        if (object instanceof IPropertySource source) {
            return source;
        }
        if (!(object instanceof EObject)) {
            return null;
        }
        IItemPropertySource itemSource = (IItemPropertySource) labels.getAdapterFactory().adapt(object, IItemPropertySource.class);
        return itemSource == null ? null : new KbPropertySource(object, itemSource, domain, labels);
    }
}
