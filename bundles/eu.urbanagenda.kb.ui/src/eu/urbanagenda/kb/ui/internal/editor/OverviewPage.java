package eu.urbanagenda.kb.ui.internal.editor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.databinding.Binding;
import org.eclipse.core.databinding.DataBindingContext;
import org.eclipse.core.databinding.UpdateValueStrategy;
import org.eclipse.core.databinding.observable.value.IObservableValue;
import org.eclipse.core.databinding.validation.ValidationStatus;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.jface.databinding.swt.DisplayRealm;
import org.eclipse.jface.databinding.swt.typed.WidgetProperties;
import org.eclipse.jface.databinding.viewers.typed.ViewerProperties;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboViewer;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;

import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Generation;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.LanguageLabels;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.viewmodel.ModelValue;
import eu.urbanagenda.kb.viewmodel.PartnershipForm;

/**
 * The partnership's facts, bound to a {@link PartnershipForm}: names in English, Bulgarian and Ukrainian side by side
 * (each with its "translated" flag), status, generation and years, the coordinators (add, remove, edit the country) and
 * the actions. A text field's edit becomes a command when the field loses the focus or Enter is pressed; until then the
 * editor shows it as unsaved. Undo and redo show in the fields through the bindings.
 */
public class OverviewPage extends FormPage {

    public static final String ID = "eu.urbanagenda.kb.ui.editors.partnership.overview";
    private static final Object NOT_SET = new Object();

    private final PartnershipEditor editor;
    private final Map<Language, Text> nameTexts = new EnumMap<>(Language.class);
    private final Map<Language, Button> translatedButtons = new EnumMap<>(Language.class);
    /** The text fields, whose widget may hold an edit not yet in the model. */
    private final Map<Text, TextField> textFields = new LinkedHashMap<>();
    private PartnershipForm form;
    private DataBindingContext bindings;
    private TableViewer coordinators;
    private TableViewer actions;
    private Button removeCoordinator;
    private IManagedForm managedForm;

    public OverviewPage(PartnershipEditor editor) {
        super(editor, ID, Messages.Editor_overviewPage);
        this.editor = editor;
    }

    @Override
    protected void createFormContent(IManagedForm managed) {
        managedForm = managed;
        form = new PartnershipForm(DisplayRealm.getRealm(managed.getForm().getDisplay()),
                editor.getSession().model().editingDomain(), editor.getPartnership());
        bindings = new DataBindingContext(DisplayRealm.getRealm(managed.getForm().getDisplay()));
        FormToolkit toolkit = managed.getToolkit();
        ScrolledForm scrolled = managed.getForm();
        toolkit.decorateFormHeading(scrolled.getForm());
        scrolled.setImage(editor.labels().getImage(editor.getPartnership()));
        ModelValue<String> title = form.title();
        scrolled.setText(title.getValue());
        title.addValueChangeListener(e -> scrolled.setText(e.diff.getNewValue()));
        Composite body = scrolled.getBody();
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).margins(10, 10).spacing(14, 14).applyTo(body);

        createNames(toolkit, body);
        createDetails(toolkit, body);
        createCoordinators(toolkit, body);
        createActions(toolkit, body);

        SelectionMediator selection = new SelectionMediator(editor::getPartnership);
        selection.add(coordinators);
        selection.add(actions);
        getSite().setSelectionProvider(selection);
        textFields.keySet().forEach(text -> text.addListener(SWT.FocusIn, e -> selection.reset()));
    }

    private Section section(FormToolkit toolkit, Composite parent, String title, String description, int span) {
        Section section = toolkit.createSection(parent, ExpandableComposite.TITLE_BAR | Section.DESCRIPTION);
        section.setText(title);
        section.setDescription(description);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).applyTo(section);
        return section;
    }

    private void createNames(FormToolkit toolkit, Composite body) {
        Section section = section(toolkit, body, Messages.Editor_names, Messages.Editor_namesDescription, 2);
        Composite client = toolkit.createComposite(section);
        List<Language> languages = Localized.NAME_LANGUAGES;
        GridLayoutFactory.fillDefaults().numColumns(languages.size()).equalWidth(true).spacing(12, 4).applyTo(client);
        for (Language language : languages) {
            Label label = toolkit.createLabel(client, LanguageLabels.of(language));
            label.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
        }
        for (Language language : languages) {
            Text text = toolkit.createText(client, "", SWT.SINGLE);
            text.setData("language", language.getLiteral());
            GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(text);
            nameTexts.put(language, text);
            bindText(text, form.name(language), null);
        }
        for (Language language : languages) {
            Button translated = toolkit.createButton(client, Messages.Editor_translated, SWT.CHECK);
            translated.setToolTipText(Messages.Editor_translatedTooltip);
            bindings.bindValue(WidgetProperties.buttonSelection().observe(translated), form.translated(language));
            bindings.bindValue(WidgetProperties.enabled().observe(translated), form.hasName(language),
                    new UpdateValueStrategy<>(UpdateValueStrategy.POLICY_NEVER), null);
            translatedButtons.put(language, translated);
        }
        section.setClient(client);
    }

    private void createDetails(FormToolkit toolkit, Composite body) {
        Section section = section(toolkit, body, Messages.Editor_details, Messages.Editor_detailsDescription, 1);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(section);
        Composite client = toolkit.createComposite(section);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 6).applyTo(client);

        toolkit.createLabel(client, Messages.Editor_status);
        bindCombo(combo(client, PartnershipStatus.VALUES), form.status());
        toolkit.createLabel(client, Messages.Editor_generation);
        bindCombo(combo(client, Generation.VALUES), form.generation());

        number(toolkit, client, Messages.Editor_startYear, PartnershipForm.Number.START_YEAR);
        number(toolkit, client, Messages.Editor_actionPlanYear, PartnershipForm.Number.ACTION_PLAN_YEAR);
        number(toolkit, client, Messages.Editor_endYear, PartnershipForm.Number.END_YEAR);
        number(toolkit, client, Messages.Editor_actionCount, PartnershipForm.Number.ACTION_COUNT);
        section.setClient(client);
    }

    private static ComboViewer combo(Composite parent, List<?> literals) {
        ComboViewer viewer = new ComboViewer(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element == NOT_SET ? Messages.Editor_notSet : KnowledgeBaseLabels.literal((Enumerator) element);
            }
        });
        List<Object> input = new ArrayList<>();
        input.add(NOT_SET);
        input.addAll(literals);
        viewer.setInput(input);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(viewer.getControl());
        return viewer;
    }

    /** Binds a combo of literals to a model value; "not set" stands for {@code null}. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void bindCombo(ComboViewer viewer, ModelValue<?> value) {
        UpdateValueStrategy toModel = UpdateValueStrategy.create(
                org.eclipse.core.databinding.conversion.IConverter.create(v -> v == NOT_SET ? null : v));
        UpdateValueStrategy toCombo = UpdateValueStrategy.create(
                org.eclipse.core.databinding.conversion.IConverter.create(v -> v == null ? NOT_SET : v));
        bindings.bindValue((IObservableValue) ViewerProperties.singleSelection().observe(viewer), (IObservableValue) value, toModel,
                toCombo);
    }

    private void number(FormToolkit toolkit, Composite parent, String label, PartnershipForm.Number field) {
        toolkit.createLabel(parent, label);
        Text text = toolkit.createText(parent, "", SWT.SINGLE);
        text.setData("feature", field.attribute.getName());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        Binding binding = bindText(text, form.number(field, label), value -> {
            String wrong = PartnershipForm.checkNumber(value);
            return wrong == null ? ValidationStatus.ok() : ValidationStatus.error(NLS.bind(Messages.Editor_notANumber, label, wrong));
        });
        binding.getValidationStatus().addValueChangeListener(e -> {
            IStatus status = e.diff.getNewValue();
            if (status.isOK()) {
                managedForm.getMessageManager().removeMessage(field, text);
            } else {
                managedForm.getMessageManager().addMessage(field, status.getMessage(), null, IMessageProvider.ERROR, text);
            }
        });
    }

    /**
     * Binds a text field to a model value: the edit goes to the model when the field loses the focus or Enter is
     * pressed (checked first by {@code validator}, if any); typing only marks the editor as unsaved.
     */
    private Binding bindText(Text text, ModelValue<String> value,
            org.eclipse.core.databinding.validation.IValidator<String> validator) {
        UpdateValueStrategy<String, String> toModel = new UpdateValueStrategy<>();
        if (validator != null) {
            toModel.setBeforeSetValidator(validator);
        }
        Binding binding = bindings.bindValue(WidgetProperties.text(SWT.FocusOut, SWT.DefaultSelection).observe(text), value, toModel,
                null);
        textFields.put(text, new TextField(binding, value));
        text.addListener(SWT.Modify, e -> editor.editorDirtyStateChanged());
        return binding;
    }

    private void createCoordinators(FormToolkit toolkit, Composite body) {
        Section section = section(toolkit, body, Messages.Editor_coordinators, Messages.Editor_coordinatorsDescription, 1);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(section);
        Composite client = toolkit.createComposite(section);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(client);
        Table table = toolkit.createTable(client, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(200, 110).span(1, 3).applyTo(table);
        coordinators = new TableViewer(table);
        coordinators.setContentProvider(ArrayContentProvider.getInstance());
        column(coordinators, Messages.Editor_coordinator, 200, p -> Localized.name(actor(p)), p -> editor.labels().getImage(actor(p)));
        column(coordinators, Messages.Editor_kind, 90, p -> actor(p) == null ? "" : KnowledgeBaseLabels.literal(actor(p).getKind()), null);
        TableViewerColumn country = column(coordinators, Messages.Editor_country, 70,
                p -> actor(p) == null || actor(p).getCountry() == null ? "" : actor(p).getCountry(), null);
        country.setEditingSupport(new CountryEditing(coordinators));
        showList(coordinators, form.coordinators());

        Button add = toolkit.createButton(client, Messages.Editor_add, SWT.PUSH);
        GridDataFactory.fillDefaults().applyTo(add);
        add.addListener(SWT.Selection, e -> addCoordinators());
        removeCoordinator = toolkit.createButton(client, Messages.Editor_remove, SWT.PUSH);
        GridDataFactory.fillDefaults().applyTo(removeCoordinator);
        removeCoordinator.addListener(SWT.Selection, e -> removeSelectedCoordinators());
        coordinators.addSelectionChangedListener(e -> removeCoordinator.setEnabled(!coordinators.getStructuredSelection().isEmpty()));
        removeCoordinator.setEnabled(false);
        section.setClient(client);
    }

    private static Actor actor(Object participation) {
        return ((Participation) participation).getActor();
    }

    private void createActions(FormToolkit toolkit, Composite body) {
        Section section = section(toolkit, body, Messages.Editor_actions, Messages.Editor_actionsDescription, 2);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(section);
        Composite client = toolkit.createComposite(section);
        GridLayoutFactory.fillDefaults().applyTo(client);
        Table table = toolkit.createTable(client, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(300, 130).applyTo(table);
        actions = new TableViewer(table);
        actions.setContentProvider(ArrayContentProvider.getInstance());
        column(actions, Messages.Editor_action, 380, a -> Localized.name((Action) a), a -> editor.labels().getImage(a));
        column(actions, Messages.Editor_status, 100, a -> ((Action) a).getStatus() == null ? "" : KnowledgeBaseLabels.literal(((Action) a).getStatus()), null);
        column(actions, Messages.Editor_pillar, 160, a -> ((Action) a).getPillar() == null ? "" : Localized.name(((Action) a).getPillar()), null);
        showList(actions, form.actions());
        section.setClient(client);
    }

    /** A table shows a list of the model, again whenever a command changes it (and refreshes its labels after any). */
    private static void showList(TableViewer viewer, ModelValue<? extends List<?>> list) {
        viewer.setInput(list.getValue());
        list.addValueChangeListener(e -> viewer.setInput(e.diff.getNewValue()));
    }

    private TableViewerColumn column(TableViewer viewer, String title, int width, java.util.function.Function<Object, String> text,
            java.util.function.Function<Object, Image> image) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public Image getImage(Object element) {
                return image == null ? null : image.apply(element);
            }
        });
        return column;
    }

    private void addCoordinators() {
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(getSite().getShell(), editor.labels());
        dialog.setTitle(Messages.Editor_addCoordinatorTitle);
        dialog.setMessage(Messages.Editor_addCoordinatorMessage);
        dialog.setMultipleSelection(true);
        dialog.setElements(form.coordinatorCandidates().toArray());
        if (dialog.open() == Window.OK) {
            List<Actor> chosen = new ArrayList<>();
            for (Object each : dialog.getResult()) {
                chosen.add((Actor) each);
            }
            editor.execute(form.addCoordinators(chosen));
        }
    }

    private void removeSelectedCoordinators() {
        List<Participation> selected = new ArrayList<>();
        for (Object element : coordinators.getStructuredSelection()) {
            selected.add((Participation) element);
        }
        editor.execute(form.removeCoordinators(selected));
    }

    /** The country of a coordinator, edited in place (it is the actor's: every partnership of the actor sees it). */
    private final class CountryEditing extends EditingSupport {

        private final TextCellEditor cellEditor;

        CountryEditing(TableViewer viewer) {
            super(viewer);
            cellEditor = new TextCellEditor(viewer.getTable());
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return cellEditor;
        }

        @Override
        protected boolean canEdit(Object element) {
            return actor(element) != null;
        }

        @Override
        protected Object getValue(Object element) {
            String country = actor(element).getCountry();
            return country == null ? "" : country;
        }

        @Override
        protected void setValue(Object element, Object value) {
            editor.execute(form.setCountry(actor(element), value == null ? null : value.toString()));
        }
    }

    /** The tables' labels again (an actor's country may have changed through another partnership). */
    void refreshLabels() {
        if (coordinators != null && !coordinators.getControl().isDisposed()) {
            coordinators.refresh(true);
            actions.refresh(true);
        }
    }

    /** A text field's binding and the model value it is bound to. */
    private record TextField(Binding binding, ModelValue<String> value) {
    }

    /** Whether a text field holds an edit not yet turned into a command. */
    public boolean hasPendingEdits() {
        return textFields.entrySet().stream().anyMatch(e -> isPending(e.getKey(), e.getValue()));
    }

    private static boolean isPending(Text text, TextField field) {
        return !text.isDisposed() && !text.getText().equals(field.value().getValue());
    }

    /** Turns the pending text edits into commands (before saving or closing). */
    public void commitPendingEdits() {
        textFields.forEach((text, field) -> {
            if (isPending(text, field)) {
                field.binding().updateTargetToModel();
            }
        });
    }

    /** Forgets pending text edits: the fields show the model's values again. */
    public void discardPendingEdits() {
        textFields.forEach((text, field) -> {
            if (isPending(text, field)) {
                field.binding().updateModelToTarget();
            }
        });
    }

    /** The name field of a language (for tests and the screenshots). */
    public Text getNameText(Language language) {
        return nameTexts.get(language);
    }

    public Button getTranslatedButton(Language language) {
        return translatedButtons.get(language);
    }

    public TableViewer getCoordinatorsViewer() {
        return coordinators;
    }

    public TableViewer getActionsViewer() {
        return actions;
    }

    @Override
    public void dispose() {
        if (bindings != null) {
            bindings.dispose();
        }
        if (form != null) {
            form.dispose();
        }
        super.dispose();
    }
}
