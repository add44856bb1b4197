package eu.urbanagenda.kb.ui.emf;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;

import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;

/**
 * One model object's properties, as its item provider describes them. Values are the features' values (a referenced
 * object shows its own properties when expanded); setting one executes a {@link SetCommand} on the editing domain.
 */
public class KbPropertySource implements IPropertySource {

    private final Object object;
    private final IItemPropertySource itemSource;
    private final EditingDomain domain;
    private final KbLabelProvider labels;

    public KbPropertySource(Object object, IItemPropertySource itemSource, EditingDomain domain, KbLabelProvider labels) {
        this.object = object;
        this.itemSource = itemSource;
        this.domain = domain;
        this.labels = labels;
    }

    @Override
    public Object getEditableValue() {
        return object;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IPropertyDescriptor> result = new ArrayList<>();
        for (IItemPropertyDescriptor descriptor : itemSource.getPropertyDescriptors(object)) {
            result.add(new KbPropertyDescriptor(object, descriptor, labels));
        }
        return result.toArray(new IPropertyDescriptor[0]);
    }

    private IItemPropertyDescriptor descriptor(Object id) {
        return itemSource.getPropertyDescriptor(object, id);
    }

    @Override
    public Object getPropertyValue(Object id) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        if (descriptor == null) {
            return null;
        }
        Object value = descriptor.getPropertyValue(object);
        if (value instanceof IItemPropertySource wrapper) {
            // EMF wraps values (PropertyValueWrapper) so they can show nested properties; the sheet wants the value.
            return wrapper.getEditableValue(object);
        }
        return value;
    }

    @Override
    public boolean isPropertySet(Object id) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        return descriptor != null && descriptor.isPropertySet(object);
    }

    @Override
    public void resetPropertyValue(Object id) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        if (descriptor != null && descriptor.canSetProperty(object) && descriptor.getFeature(object) instanceof EStructuralFeature feature) {
            execute(SetCommand.create(domain, object, feature, SetCommand.UNSET_VALUE), descriptor);
        }
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        IItemPropertyDescriptor descriptor = descriptor(id);
        if (descriptor == null || !descriptor.canSetProperty(object)) {
            return;
        }
        Object current = getPropertyValue(id);
        if (current == null ? value == null : current.equals(value)) {
            return;
        }
        if (descriptor.getFeature(object) instanceof EStructuralFeature feature) {
            execute(SetCommand.create(domain, object, feature, value), descriptor);
        }
    }

    private void execute(Command command, IItemPropertyDescriptor descriptor) {
        domain.getCommandStack().execute(KnowledgeBaseCommands.labelled(command, KnowledgeBaseCommands.label("set", descriptor.getDisplayName(object))));
    }
}
