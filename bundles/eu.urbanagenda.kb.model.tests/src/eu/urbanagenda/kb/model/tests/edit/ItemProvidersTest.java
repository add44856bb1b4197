package eu.urbanagenda.kb.model.tests.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.emf.edit.provider.ViewerNotification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseEditing;
import eu.urbanagenda.kb.model.persistence.BundledKnowledgeBase;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseFiles;
import eu.urbanagenda.kb.model.tests.TestFiles;

/** The generated item providers with their hand-made labels, the adapter factory and the editing domain. */
class ItemProvidersTest {

    private final Locale original = Locale.getDefault();
    private final ComposedAdapterFactory adapterFactory = KnowledgeBaseEditing.createAdapterFactory();

    @AfterEach
    void restore() {
        Locale.setDefault(original);
        adapterFactory.dispose();
    }

    private String label(Object object) {
        return ((IItemLabelProvider) adapterFactory.adapt(object, IItemLabelProvider.class)).getText(object);
    }

    private static Partnership digital(KnowledgeBase kb) {
        return kb.getPartnerships().stream().filter(p -> p.getId().equals("digital-transition")).findFirst().orElseThrow();
    }

    @Test
    void labelsFollowTheUsersLanguageWithEnglishFallback() throws Exception {
        KnowledgeBase kb = BundledKnowledgeBase.load().knowledgeBase();
        Partnership digital = digital(kb);
        Locale.setDefault(Locale.of("uk", "UA"));
        assertEquals("Цифровий перехід", label(digital));
        assertEquals("Софія (BG)", label(digital.getCoordinators().get(2)));
        Locale.setDefault(Locale.of("bg", "BG"));
        assertEquals("Дигитален преход", label(digital));
        assertEquals("София (BG)", label(digital.getCoordinators().get(2)));
        Locale.setDefault(Locale.ENGLISH);
        assertEquals("Digital Transition", label(digital));
        Locale.setDefault(Locale.GERMAN);
        assertEquals("Digital Transition", label(digital), "English for a language the model does not have");
        digital.getNames().clear();
        assertEquals("Partnership digital-transition", label(digital), "type and id when there is no name at all");
    }

    @Test
    void labelsOfTheOtherObjects() throws Exception {
        KnowledgeBase kb = BundledKnowledgeBase.load().knowledgeBase();
        Locale.setDefault(Locale.ENGLISH);
        Partnership digital = digital(kb);
        LocalizedString ukrainian = digital.getNames().stream().filter(n -> n.getLanguage().getLiteral().equals("uk")).findFirst().orElseThrow();
        assertEquals("uk: Цифровий перехід (translation)", label(ukrainian));
        assertEquals("coordinator: Estonia (EE)", label(digital.getParticipations().get(0)));
        assertEquals("confirmed: ПАРТНЬОРСТВО ДИГИТАЛЕН ПРЕХОД \u2192 Digital Transition",
            label(kb.getEvidence().stream().filter(e -> e.getId().equals("evidence-seed-004-digital-transition")).findFirst().orElseThrow()));
        assertEquals("Urban Agenda for the EU", label(kb));
    }

    @Test
    void everyObjectHasTreeAndPropertyProviders() throws Exception {
        KnowledgeBase kb = BundledKnowledgeBase.load().knowledgeBase();
        ITreeItemContentProvider tree = (ITreeItemContentProvider) adapterFactory.adapt(kb, ITreeItemContentProvider.class);
        assertEquals(3 + 11 + kb.getActors().size() + 21 + 5 + kb.getEvidence().size() + kb.getNames().size() + kb.getDescriptions().size(),
            tree.getChildren(kb).size());
        for (var i = kb.eAllContents(); i.hasNext();) {
            Object object = i.next();
            assertNotNull(adapterFactory.adapt(object, IItemPropertySource.class), object.toString());
            assertFalse(label(object).isBlank(), object.toString());
        }
        IItemPropertySource properties = (IItemPropertySource) adapterFactory.adapt(digital(kb), IItemPropertySource.class);
        assertEquals("Start Year", properties.getPropertyDescriptor(digital(kb), UrbanAgendaPackage.Literals.PARTNERSHIP__START_YEAR).getDisplayName(digital(kb)));
    }

    @Test
    void editsAreUndoableAndMarkTheDomainDirty(@TempDir Path folder) throws Exception {
        Path file = BundledKnowledgeBase.copyTo(folder.resolve("kb.xmi"));
        AdapterFactoryEditingDomain domain = KnowledgeBaseEditing.createEditingDomain(adapterFactory);
        KnowledgeBase kb = KnowledgeBaseEditing.load(domain, file).knowledgeBase();
        Partnership digital = digital(kb);
        CommandStack stack = domain.getCommandStack();
        Command set = SetCommand.create(domain, digital, UrbanAgendaPackage.Literals.PARTNERSHIP__ACTION_PLAN_YEAR, 2019);
        assertTrue(set.canExecute());
        stack.execute(set);
        assertEquals(2019, digital.getActionPlanYear());
        assertTrue(((org.eclipse.emf.common.command.BasicCommandStack) stack).isSaveNeeded());
        stack.undo();
        assertEquals(2018, digital.getActionPlanYear());
        stack.redo();
        KnowledgeBaseFiles.save(kb, file);
        assertEquals(2019, digital(KnowledgeBaseFiles.load(file).knowledgeBase()).getActionPlanYear());
    }

    @Test
    void changingANameRefreshesTheLabelOfItsOwner() throws Exception {
        KnowledgeBase kb = BundledKnowledgeBase.load().knowledgeBase();
        Partnership digital = digital(kb);
        label(digital.getNames().get(0)); // the text's item provider now listens to it
        List<Object> refreshed = new ArrayList<>();
        adapterFactory.addListener(notification -> refreshed.add(((ViewerNotification) notification).getElement()));
        digital.getNames().get(0).setValue("Digital Transition Partnership");
        assertTrue(refreshed.contains(digital), "the partnership's label shows its name, so it is refreshed too");
    }

    @Test
    void ukrainianAndBulgarianPropertiesTranslateEveryKey() throws Exception {
        Path edit = TestFiles.root().resolve("bundles/eu.urbanagenda.kb.model.edit");
        Properties english = load(edit.resolve("plugin.properties"));
        for (String language : List.of("uk", "bg")) {
            Properties translated = load(edit.resolve("plugin_" + language + ".properties"));
            TreeSet<String> missing = new TreeSet<>(english.stringPropertyNames());
            missing.removeAll(translated.stringPropertyNames());
            assertTrue(missing.isEmpty(), () -> "plugin_" + language + ".properties lacks " + missing);
            assertTrue(translated.getProperty("_UI_Partnership_type").chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC));
        }
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file); var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
