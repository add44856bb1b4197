package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.RadioState;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.ui.KbCommands;
import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.navigator.GroupBy;
import eu.urbanagenda.kb.ui.internal.navigator.GroupNode;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorContent;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.internal.preferences.UiLanguage;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/** The navigator's grouping and filter box, the preference page, and that every text exists in all three languages. */
class NavigatorAndPreferencesTest {

    private NavigatorView navigator;

    @AfterEach
    void reset() throws Exception {
        if (navigator != null) {
            navigator.getFilterText().setText("");
            Workbench.execute(KbCommands.GROUP_BY, Map.of(RadioState.PARAMETER_ID, GroupBy.GENERATION.id()));
        }
    }

    @Test
    void groupByCountryAndFilterInAnyLanguage() throws Exception {
        KbSession session = Workbench.session();
        Workbench.page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
        navigator = (NavigatorView) Workbench.page().showView(NavigatorView.ID);
        Workbench.execute(KbCommands.GROUP_BY, Map.of(RadioState.PARAMETER_ID, GroupBy.COUNTRY.id()));
        assertEquals(GroupBy.COUNTRY, navigator.getGroupBy());
        ITreeContentProvider content = (ITreeContentProvider) navigator.getViewer().getContentProvider();
        GroupNode bulgaria = null;
        for (Object child : content.getChildren(session.model().knowledgeBase())) {
            if (child instanceof GroupNode group && "BG".equals(group.key())) {
                bulgaria = group;
            }
        }
        assertTrue(bulgaria != null && bulgaria.label().contains("Bulgaria"), "a group per coordinator country");
        List<String> inBulgaria = new ArrayList<>();
        for (Object partnership : content.getChildren(bulgaria)) {
            inBulgaria.add(((Partnership) partnership).getId());
        }
        assertTrue(inBulgaria.contains("digital-transition"), "Sofia coordinates Digital Transition: " + inBulgaria);

        // the filter finds a partnership by its Bulgarian name and hides the others
        navigator.getFilterText().setText("дигитален");
        UiWait.idle(Workbench.display());
        List<Object> shown = visiblePartnerships();
        assertEquals(1, new TreeSet<>(shown.stream().map(p -> ((Partnership) p).getId()).toList()).size(), "only Digital Transition: " + shown);
        Screenshots.take(Workbench.window().getShell(), "navigator-filter");
        navigator.getFilterText().setText("");
        UiWait.idle(Workbench.display());
        assertTrue(visiblePartnerships().size() >= 21);
        assertEquals(NavigatorContent.countryLabel("BG"), bulgaria.label());
    }

    private List<Object> visiblePartnerships() {
        List<Object> result = new ArrayList<>();
        navigator.getViewer().expandToLevel(3);
        collect(navigator.getViewer().getTree().getItems(), result);
        return result;
    }

    private static void collect(org.eclipse.swt.widgets.TreeItem[] items, List<Object> into) {
        for (org.eclipse.swt.widgets.TreeItem item : items) {
            if (item.getData() instanceof Partnership) {
                into.add(item.getData());
            }
            collect(item.getItems(), into);
        }
    }

    @Test
    void preferencePageAndUiLanguageForTheNextStart() throws Exception {
        Workbench.session();
        PreferenceDialog dialog = Workbench.openPreferences("eu.urbanagenda.kb.ui.preferences");
        try {
            List<Combo> combos = Workbench.find(dialog.getShell(), Combo.class, c -> c.getItemCount() == 4 && c.getItem(2).equals("Українська"));
            assertEquals(1, combos.size(), "the UI language choice");
            Screenshots.take(dialog.getShell(), "preferences");
        } finally {
            dialog.close();
        }

        // the language is stored where Equinox reads it at the next start: osgi.nl in config.ini, the rest kept
        Path config = Path.of(System.getProperty("kb.target"), "config-test", "config.ini");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "#Product configuration\nosgi.bundles=reference\\:file\\:a.jar@1\\:start\neclipse.product=x\n",
                StandardCharsets.ISO_8859_1);
        UiLanguage.store(config, "uk");
        assertEquals("uk", UiLanguage.stored(config));
        UiLanguage.store(config, "bg");
        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            read.load(in);
        }
        assertEquals("bg", read.getProperty("osgi.nl"));
        assertEquals("reference:file:a.jar@1:start", read.getProperty("osgi.bundles"), "the other lines are untouched");
        UiLanguage.store(config, "");
        assertEquals("", UiLanguage.stored(config));
        assertTrue(Files.readString(config, StandardCharsets.ISO_8859_1).startsWith("#Product configuration\n"));
        assertTrue(UiLanguage.configIni().getFileName().toString().equals("config.ini"));
    }

    @Test
    void keyBindings() throws Exception {
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("eu.urbanagenda.kb.ui.scheme", bindings.getActiveScheme().getId(), "our scheme is active");
        for (String[] binding : new String[][] { { "org.eclipse.ui.edit.undo", "M1+Z" }, { "org.eclipse.ui.edit.redo", "M1+Y" },
                { "org.eclipse.ui.edit.redo", "M1+M2+Z" }, { "org.eclipse.ui.file.save", "M1+S" },
                { KbCommands.OPEN_PARTNERSHIP, "F3" }, { KbCommands.VALIDATE, "M1+M2+V" },
                { "eu.urbanagenda.kb.ui.search.commands.search", "M1+H" },
                { "eu.urbanagenda.kb.ui.search.commands.importDocuments", "M1+M2+I" } }) {
            List<TriggerSequence> active = Arrays.asList(bindings.getActiveBindingsFor(binding[0]));
            assertTrue(active.contains(KeySequence.getInstance(binding[1])), binding[0] + " on " + binding[1] + ": " + active);
        }
    }

    @Test
    void everyTextExistsInEnglishUkrainianAndBulgarian() throws Exception {
        for (String[] file : new String[][] { { "eu.urbanagenda.kb.ui", "plugin" },
                { "eu.urbanagenda.kb.ui", "eu/urbanagenda/kb/ui/internal/messages" }, { "eu.urbanagenda.kb.ui.search", "plugin" },
                { "eu.urbanagenda.kb.ui.search", "eu/urbanagenda/kb/ui/search/internal/messages" } }) {
            Bundle bundle = Platform.getBundle(file[0]);
            Set<String> english = keys(bundle, file[1] + ".properties");
            assertTrue(english.size() > 10, file[1]);
            for (String language : new String[] { "uk", "bg" }) {
                assertEquals(english, keys(bundle, file[1] + "_" + language + ".properties"), file[0] + "/" + file[1] + "_" + language);
            }
        }
    }

    private static Set<String> keys(Bundle bundle, String path) throws Exception {
        URL url = bundle.getEntry(path);
        if (url == null) {
            url = bundle.getResource(path);
        }
        assertTrue(url != null, bundle.getSymbolicName() + "/" + path);
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
