package eu.urbanagenda.kb.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The build installs eu.urbanagenda.kb.feature from the update site into an Eclipse platform that has
 * nothing of ours (the install-check product). Every bundle of the standalone product's application
 * part must have arrived there, at the same version.
 */
class UpdateSiteInstallTest {

    @Test
    void featureFromTheUpdateSiteInstalledEveryApplicationBundle() throws IOException {
        Path host = Product.dir().getParent().getParent().getParent().getParent().getParent()
                .resolve("eu.urbanagenda.kb.installcheck/linux/gtk/x86_64/another-eclipse");
        Set<String> installed = ourBundles(host);
        Set<String> shipped = ourBundles(Product.dir());
        assertFalse(shipped.isEmpty(), "the product has eu.urbanagenda.kb bundles");
        assertEquals(shipped, installed, "bundles installed from the update site into another Eclipse");
    }

    @Test
    void updateSiteOffersTheFeatureInItsCategory() throws IOException {
        Path site = Product.dir().getParent().getParent().getParent().getParent().getParent().getParent()
                .resolve("repository");
        String content;
        try (ZipFile jar = new ZipFile(site.resolve("content.jar").toFile())) {
            content = new String(jar.getInputStream(jar.getEntry("content.xml")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(content.contains("name='org.eclipse.equinox.p2.type.category' value='true'"), "a category unit");
        assertTrue(content.contains("value='Urban Agenda Knowledge Base'"), "the category's label");
        assertTrue(content.contains("name='eu.urbanagenda.kb.feature.feature.group'"), "the feature, required by the category");
        try (var features = Files.list(site.resolve("features"))) {
            assertTrue(features.anyMatch(f -> f.getFileName().toString().startsWith("eu.urbanagenda.kb.feature_")));
        }
    }

    /** bundles.info lines: name,version,location,startLevel,autoStart; ours are eu.urbanagenda.kb.* but tests. */
    private static Set<String> ourBundles(Path installation) throws IOException {
        Path info = installation.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        assertTrue(Files.isRegularFile(info), "an installation with a simpleconfigurator: " + info);
        Set<String> result = new TreeSet<>();
        for (String line : Files.readAllLines(info)) {
            if (line.startsWith("eu.urbanagenda.kb.")) {
                String[] fields = line.split(",");
                result.add(fields[0] + " " + fields[1]);
            }
        }
        return result;
    }
}
