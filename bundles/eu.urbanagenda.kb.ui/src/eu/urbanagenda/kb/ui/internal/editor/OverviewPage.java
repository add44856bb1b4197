package eu.urbanagenda.kb.ui.internal.editor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ComboViewer;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.FocusAdapter;
import org.eclipse.swt.events.FocusEvent;
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
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.edit.KbEdits;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The partnership's facts: names in English, Bulgarian and Ukrainian side by side (each with its "translated" flag),
 * status, generation and years, the coordinators (add, remove, edit the country) and the actions. A text field's edit
 * becomes a command when the field loses the focus or Enter is pressed; until then the editor shows it as unsaved.
 */
public class OverviewPage extends FormPage {

    public static final String ID = "eu.urbanagenda.kb.ui.editors.partnership.overview";
    /** The order of the names, as the issue asks: English, Bulgarian, Ukrainian. */
    public static final List<Language> LANGUAGES = List.of(Language.EN, Language.BG, Language.UK);
    private static final Object NOT_SET = new Object();

    private final PartnershipEditor editor;
    private final Map<Language, Text> nameTexts = new EnumMap<>(Language.class);
    private final Map<Language, Button> translatedButtons = new EnumMap<>(Language.class);
    private final Map<Text, EAttribute> yearTexts = new java.util.LinkedHashMap<>();
    private final Map<Text, String> yearLabels = new java.util.HashMap<>();
    private final Set<Text> pending = new LinkedHashSet<>();
    private ComboViewer statusCombo;
    private ComboViewer generationCombo;
    private TableViewer coordinators;
    private TableViewer actions;
    private Button removeCoordinator;
    private SelectionMediator selection;
    private IManagedForm managedForm;
    private boolean updating;

    public OverviewPage(PartnershipEditor editor) {
        super(editor, ID, Messages.Editor_overviewPage);
        this.editor = editor;
    }

    private Partnership partnership() {
        return editor.getPartnership();
    }

    private EditingDomain domain() {
        return editor.getSession().editingDomain();
    }

    @Override
    protected void createFormContent(IManagedForm form) {
        managedForm = form;
        FormToolkit toolkit = form.getToolkit();
        ScrolledForm scrolled = form.getForm();
        toolkit.decorateFormHeading(scrolled.getForm());
        scrolled.setImage(editor.labels().getImage(partnership()));
        Composite body = scrolled.getBody();
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).margins(10, 10).spacing(14, 14).applyTo(body);

        createNames(toolkit, body);
        createDetails(toolkit, body);
        createCoordinators(toolkit, body);
        createActions(toolkit, body);

        selection = new SelectionMediator(this::partnership);
        selection.add(coordinators);
        selection.add(actions);
        getSite().setSelectionProvider(selection);
        refresh();
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
        GridLayoutFactory.fillDefaults().numColumns(LANGUAGES.size()).equalWidth(true).spacing(12, 4).applyTo(client);
        for (Language language : LANGUAGES) {
            Label label = toolkit.createLabel(client, languageName(language));
            label.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
        }
        for (Language language : LANGUAGES) {
            Text text = toolkit.createText(client, "", SWT.SINGLE);
            text.setData("language", language.getLiteral());
            GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(text);
            nameTexts.put(language, text);
            trackEdits(text, () -> commitName(language));
        }
        for (Language language : LANGUAGES) {
            Button translated = toolkit.createButton(client, Messages.Editor_translated, SWT.CHECK);
            translated.setToolTipText(Messages.Editor_translatedTooltip);
            translated.addListener(SWT.Selection, e -> {
                if (!updating) {
                    editor.execute(KbEdits.setTranslated(domain(), partnership(), language, translated.getSelection()));
                }
            });
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
        statusCombo = combo(client, PartnershipStatus.VALUES, Literals.PARTNERSHIP__STATUS, Messages.Command_setStatus);
        toolkit.createLabel(client, Messages.Editor_generation);
        generationCombo = combo(client, Generation.VALUES, Literals.PARTNERSHIP__GENERATION, Messages.Command_setGeneration);

        year(toolkit, client, Messages.Editor_startYear, Literals.PARTNERSHIP__START_YEAR);
        year(toolkit, client, Messages.Editor_actionPlanYear, Literals.PARTNERSHIP__ACTION_PLAN_YEAR);
        year(toolkit, client, Messages.Editor_endYear, Literals.PARTNERSHIP__END_YEAR);
        year(toolkit, client, Messages.Editor_actionCount, Literals.PARTNERSHIP__ACTION_COUNT);
        section.setClient(client);
    }

    private ComboViewer combo(Composite parent, List<?> literals, EAttribute attribute, String commandLabel) {
        ComboViewer viewer = new ComboViewer(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element == NOT_SET ? Messages.Editor_notSet
                        : KnowledgeBaseLabels.literal((org.eclipse.emf.common.util.Enumerator) element);
            }
        });
        List<Object> input = new ArrayList<>();
        input.add(NOT_SET);
        input.addAll(literals);
        viewer.setInput(input);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(viewer.getControl());
        viewer.addSelectionChangedListener(event -> {
            if (updating) {
                return;
            }
            Object value = viewer.getStructuredSelection().getFirstElement();
            editor.execute(KbEdits.set(domain(), partnership(), attribute, value == NOT_SET ? null : value, commandLabel));
        });
        return viewer;
    }

    private void year(FormToolkit toolkit, Composite parent, String label, EAttribute attribute) {
        toolkit.createLabel(parent, label);
        Text text = toolkit.createText(parent, "", SWT.SINGLE);
        text.setData("feature", attribute.getName());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        yearTexts.put(text, attribute);
        yearLabels.put(text, label);
        trackEdits(text, () -> commitNumber(text, attribute, label));
    }

    /** A text field whose edit is pending until focus leaves it or Enter is pressed, then {@code commit} runs. */
    private void trackEdits(Text text, Runnable commit) {
        text.addModifyListener(e -> {
            if (!updating && pending.add(text)) {
                editor.editorDirtyStateChanged();
            }
        });
        text.addListener(SWT.DefaultSelection, e -> commit.run());
        text.addFocusListener(new FocusAdapter() {
            @Override
            public void focusGained(FocusEvent e) {
                if (selection != null) {
                    selection.reset();
                }
            }

            @Override
            public void focusLost(FocusEvent e) {
                commit.run();
            }
        });
    }

    private void commitName(Language language) {
        Text text = nameTexts.get(language);
        if (!pending.remove(text)) {
            return;
        }
        Command command = KbEdits.setName(domain(), partnership(), language, text.getText());
        if (command == null) {
            editor.editorDirtyStateChanged();
        }
        editor.execute(command);
    }

    private void commitNumber(Text text, EAttribute attribute, String label) {
        if (!pending.contains(text)) {
            return;
        }
        String value = text.getText().strip();
        Integer number = null;
        if (!value.isEmpty()) {
            try {
                number = Integer.valueOf(value);
            } catch (NumberFormatException e) {
                managedForm.getMessageManager().addMessage(attribute, NLS.bind(Messages.Editor_notANumber, label, value), null,
                        IMessageProvider.ERROR, text);
                return;
            }
        }
        managedForm.getMessageManager().removeMessage(attribute, text);
        pending.remove(text);
        Command command = KbEdits.set(domain(), partnership(), attribute, number, KbEdits.setLabel(label));
        if (command == null) {
            editor.editorDirtyStateChanged();
        }
        editor.execute(command);
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
        section.setClient(client);
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
        List<Actor> candidates = new ArrayList<>(editor.getSession().knowledgeBase().getActors());
        candidates.removeAll(partnership().getCoordinators());
        ElementListSelectionDialog dialog = new ElementListSelectionDialog(getSite().getShell(), editor.labels());
        dialog.setTitle(Messages.Editor_addCoordinatorTitle);
        dialog.setMessage(Messages.Editor_addCoordinatorMessage);
        dialog.setMultipleSelection(true);
        dialog.setElements(candidates.toArray());
        if (dialog.open() != Window.OK) {
            return;
        }
        CompoundCommand compound = new CompoundCommand(Messages.Command_addCoordinator);
        for (Object chosen : dialog.getResult()) {
            Command add = KbEdits.addCoordinator(domain(), partnership(), (Actor) chosen);
            if (add != null) {
                compound.append(add);
            }
        }
        if (!compound.isEmpty()) {
            editor.execute(compound);
        }
    }

    private void removeSelectedCoordinators() {
        List<Participation> selected = new ArrayList<>();
        for (Object element : coordinators.getStructuredSelection()) {
            selected.add((Participation) element);
        }
        editor.execute(KbEdits.removeParticipations(domain(), selected));
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
            String country = value == null ? "" : value.toString().strip().toUpperCase(java.util.Locale.ROOT);
            editor.execute(KbEdits.set(domain(), actor(element), Literals.ACTOR__COUNTRY, country.isEmpty() ? null : country,
                    Messages.Command_setCountry));
        }
    }

    /** Shows the model's values (after any command: undo and redo included). Pending field edits are dropped. */
    public void refresh() {
        if (managedForm == null || managedForm.getForm().isDisposed()) {
            return;
        }
        updating = true;
        try {
            Partnership partnership = partnership();
            managedForm.getForm().setText(Localized.name(partnership));
            for (Language language : LANGUAGES) {
                LocalizedString name = Localized.find(partnership.getNames(), language).orElse(null);
                Text text = nameTexts.get(language);
                String value = name == null ? "" : name.getValue();
                if (!text.getText().equals(value)) {
                    text.setText(value);
                }
                pending.remove(text);
                Button translated = translatedButtons.get(language);
                translated.setSelection(name != null && name.isTranslated());
                translated.setEnabled(name != null);
            }
            select(statusCombo, partnership.isSetStatus() ? partnership.getStatus() : NOT_SET);
            select(generationCombo, partnership.isSetGeneration() ? partnership.getGeneration() : NOT_SET);
            yearTexts.forEach((text, attribute) -> {
                Object value = partnership.eGet(attribute);
                String shown = value == null ? "" : value.toString();
                if (!text.getText().equals(shown)) {
                    text.setText(shown);
                }
                pending.remove(text);
                managedForm.getMessageManager().removeMessage(attribute, text);
            });
            coordinators.setInput(partnership.getParticipations().stream()
                    .filter(p -> p.getRole() == Role.COORDINATOR && p.getAction() == null).toList());
            actions.setInput(partnership.getActions().toArray());
            if (removeCoordinator != null) {
                removeCoordinator.setEnabled(!coordinators.getStructuredSelection().isEmpty());
            }
        } finally {
            updating = false;
        }
    }

    private static void select(ComboViewer viewer, Object value) {
        viewer.setSelection(new StructuredSelection(value));
    }

    /** Whether a text field holds an edit not yet turned into a command. */
    public boolean hasPendingEdits() {
        return !pending.isEmpty();
    }

    /** Turns the pending text edits into commands (before saving or closing). */
    public void commitPendingEdits() {
        for (Text text : new ArrayList<>(pending)) {
            if (text.isDisposed()) {
                continue;
            }
            for (Map.Entry<Language, Text> entry : nameTexts.entrySet()) {
                if (entry.getValue() == text) {
                    commitName(entry.getKey());
                }
            }
            EAttribute attribute = yearTexts.get(text);
            if (attribute != null) {
                commitNumber(text, attribute, yearLabels.get(text));
            }
        }
    }

    /** Forgets pending text edits. */
    public void discardPendingEdits() {
        pending.clear();
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

    static String languageName(Language language) {
        switch (language) {
        case EN:
            return Messages.Language_en;
        case BG:
            return Messages.Language_bg;
        case UK:
            return Messages.Language_uk;
        case RU:
            return Messages.Language_ru;
        default:
            return Messages.Language_other;
        }
    }
}
