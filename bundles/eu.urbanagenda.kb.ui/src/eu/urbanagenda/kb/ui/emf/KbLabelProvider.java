package eu.urbanagenda.kb.ui.emf;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;

import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;

/**
 * Labels and images of model objects from the generated item providers ({@link IItemLabelProvider}); texts in the
 * user's language. Usable as a plain, column or styled label provider. Disposing it disposes its images.
 */
public class KbLabelProvider extends ColumnLabelProvider implements IStyledLabelProvider {

    private final AdapterFactory adapterFactory;
    private final KbImages images = new KbImages();

    public KbLabelProvider(AdapterFactory adapterFactory) {
        this.adapterFactory = adapterFactory;
    }

    public AdapterFactory getAdapterFactory() {
        return adapterFactory;
    }

    @Override
    public String getText(Object element) {
        IItemLabelProvider provider = itemLabelProvider(element);
        if (provider != null) {
            return provider.getText(element);
        }
        return element == null ? "" : KnowledgeBaseLabels.text(element);
    }

    @Override
    public Image getImage(Object element) {
        IItemLabelProvider provider = itemLabelProvider(element);
        return provider == null ? null : images.get(provider.getImage(element));
    }

    /** The image of an item provider's image object (for callers that have one at hand). */
    public Image image(Object imageObject) {
        return images.get(imageObject);
    }

    @Override
    public StyledString getStyledText(Object element) {
        return new StyledString(getText(element));
    }

    private IItemLabelProvider itemLabelProvider(Object element) {
        if (element == null) {
            return null;
        }
        return (IItemLabelProvider) adapterFactory.adapt(element, IItemLabelProvider.class);
    }

    @Override
    public void dispose() {
        images.dispose();
        super.dispose();
    }
}
