package eu.urbanagenda.kb.ui.emf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.properties.IPropertyDescriptor;

import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * An item provider's property descriptor for the Properties view: display name, category, description, the value's
 * label, and a cell editor: a combo for enumerations, booleans and single references (the descriptor's choice of
 * values), a text field for strings and numbers (checked and converted by the feature's data type). Multi-valued
 * features are shown, not edited here.
 */
public class KbPropertyDescriptor implements IPropertyDescriptor {

    private final Object object;
    private final IItemPropertyDescriptor descriptor;
    private final KbLabelProvider labels;

    public KbPropertyDescriptor(Object object, IItemPropertyDescriptor descriptor, KbLabelProvider labels) {
        this.object = object;
        this.descriptor = descriptor;
        this.labels = labels;
    }

    @Override
    public Object getId() {
        return descriptor.getId(object);
    }

    @Override
    public String getDisplayName() {
        return descriptor.getDisplayName(object);
    }

    @Override
    public String getCategory() {
        return descriptor.getCategory(object);
    }

    @Override
    public String getDescription() {
        return descriptor.getDescription(object);
    }

    @Override
    public String[] getFilterFlags() {
        return descriptor.getFilterFlags(object);
    }

    @Override
    public Object getHelpContextIds() {
        return null;
    }

    @Override
    public boolean isCompatibleWith(IPropertyDescriptor other) {
        return other instanceof KbPropertyDescriptor d && d.getId().equals(getId())
                && d.descriptor.getFeature(d.object) == descriptor.getFeature(object);
    }

    @Override
    public ILabelProvider getLabelProvider() {
        IItemLabelProvider itemLabels = descriptor.getLabelProvider(object);
        return new LabelProvider() {
            @Override
            public String getText(Object value) {
                if (value instanceof Collection<?> values) {
                    List<String> texts = new ArrayList<>();
                    for (Object each : values) {
                        texts.add(itemLabels.getText(each));
                    }
                    return String.join(", ", texts);
                }
                return itemLabels.getText(value);
            }

            @Override
            public Image getImage(Object value) {
                return value instanceof Collection<?> ? null : labels.image(itemLabels.getImage(value));
            }
        };
    }

    @Override
    public CellEditor createPropertyEditor(Composite parent) {
        if (!descriptor.canSetProperty(object) || descriptor.isMany(object)) {
            return null;
        }
        Object feature = descriptor.getFeature(object);
        Collection<?> choices = descriptor.getChoiceOfValues(object);
        if (choices != null) {
            return choices(parent, new ArrayList<>(choices), !(feature instanceof EAttribute attribute && attribute.isRequired()));
        }
        if (feature instanceof EAttribute attribute) {
            EDataType type = attribute.getEAttributeType();
            if (type instanceof EEnum eEnum) {
                List<Object> literals = new ArrayList<>();
                eEnum.getELiterals().forEach(l -> literals.add(l.getInstance()));
                return choices(parent, literals, attribute.isUnsettable());
            }
            Class<?> instanceClass = type.getInstanceClass();
            if (instanceClass == boolean.class || instanceClass == Boolean.class) {
                return choices(parent, List.of(Boolean.TRUE, Boolean.FALSE), instanceClass == Boolean.class);
            }
            return text(parent, attribute, type, descriptor.isMultiLine(object));
        }
        return null;
    }

    /** A combo of values shown with the descriptor's labels; with {@code nullable}, an empty first entry. */
    private CellEditor choices(Composite parent, List<Object> values, boolean nullable) {
        List<Object> items = new ArrayList<>();
        if (nullable && !values.contains(null)) {
            items.add(null);
        }
        items.addAll(values);
        IItemLabelProvider itemLabels = descriptor.getLabelProvider(object);
        String[] texts = items.stream().map(v -> v == null ? "" : itemLabels.getText(v)).toArray(String[]::new);
        return new ComboBoxCellEditor(parent, texts, SWT.READ_ONLY) {
            @Override
            protected Object doGetValue() {
                Integer index = (Integer) super.doGetValue();
                return index == null || index < 0 || index >= items.size() ? null : items.get(index);
            }

            @Override
            protected void doSetValue(Object value) {
                super.doSetValue(Math.max(0, items.indexOf(value)));
            }
        };
    }

    /** A text field converting to and from the data type; a blank text clears an optional value. */
    private CellEditor text(Composite parent, EStructuralFeature feature, EDataType type, boolean multiLine) {
        boolean isString = type.getInstanceClass() == String.class;
        TextCellEditor editor = new TextCellEditor(parent, multiLine ? SWT.MULTI | SWT.WRAP : SWT.SINGLE) {
            @Override
            protected Object doGetValue() {
                String text = (String) super.doGetValue();
                if (isString) {
                    return text;
                }
                return text == null || text.isBlank() ? null : EcoreUtil.createFromString(type, text.strip());
            }

            @Override
            protected void doSetValue(Object value) {
                super.doSetValue(value == null ? "" : isString ? value : EcoreUtil.convertToString(type, value));
            }
        };
        if (!isString) {
            editor.setValidator(value -> {
                if (value == null) {
                    return null;
                }
                Object text = value instanceof String s ? s : EcoreUtil.convertToString(type, value);
                if (text == null || ((String) text).isBlank()) {
                    return feature.isRequired() ? NLS.bind(Messages.Property_required, getDisplayName()) : null;
                }
                try {
                    EcoreUtil.createFromString(type, ((String) text).strip());
                    return null;
                } catch (RuntimeException e) {
                    return NLS.bind(Messages.Property_invalid, text, getDisplayName());
                }
            });
        }
        return editor;
    }
}
