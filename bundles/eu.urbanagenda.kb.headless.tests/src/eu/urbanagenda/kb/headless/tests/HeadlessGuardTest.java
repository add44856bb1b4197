package eu.urbanagenda.kb.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Fails the build when a headless bundle (model, edit, ingest, index, core, cli: every
 * eu.urbanagenda.kb bundle that is neither a *.ui bundle nor a test bundle) declares or resolves a
 * dependency on SWT, JFace, org.eclipse.ui* or org.eclipse.e4.ui*, directly or through what it wires to.
 */
class HeadlessGuardTest {

    /** The headless bundles this runtime must contain (the guard bundle requires each of them). */
    static final List<String> EXPECTED_HEADLESS = List.of("eu.urbanagenda.kb.model", "eu.urbanagenda.kb.model.edit",
            "eu.urbanagenda.kb.analysis", "eu.urbanagenda.kb.ingest", "eu.urbanagenda.kb.index",
            "eu.urbanagenda.kb.index.opensearch", "eu.urbanagenda.kb.core", "eu.urbanagenda.kb.link",
            "eu.urbanagenda.kb.viewmodel", "eu.urbanagenda.kb.cli", "eu.urbanagenda.kb.compare", "eu.urbanagenda.kb.git");

    static final List<String> FORBIDDEN_PREFIXES = List.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui",
            "org.eclipse.e4.ui");

    private final BundleContext context = FrameworkUtil.getBundle(HeadlessGuardTest.class).getBundleContext();

    @Test
    void everyExpectedHeadlessBundleIsHereAndResolved() {
        Set<String> present = new TreeSet<>();
        for (Bundle bundle : headlessBundles()) {
            present.add(bundle.getSymbolicName());
            assertNotNull(bundle.adapt(BundleWiring.class), bundle.getSymbolicName() + " is resolved");
        }
        assertTrue(present.containsAll(EXPECTED_HEADLESS), "expected " + EXPECTED_HEADLESS + ", found " + present);
    }

    @Test
    void noHeadlessBundleDeclaresAUiDependency() {
        assertEquals(List.of(), headlessBundles().stream().flatMap(bundle -> declaredUiDependencies(bundle).stream()).toList());
    }

    @Test
    void noHeadlessBundleWiresToUiCodeEvenIndirectly() {
        assertEquals(List.of(), headlessBundles().stream().flatMap(bundle -> uiWiresReachableFrom(bundle).stream()).toList());
    }

    /** The guard itself must be able to fail: the workbench bundle is exactly what it looks for. */
    @Test
    void theGuardRecognisesUiCode() {
        Bundle ui = Arrays.stream(context.getBundles()).filter(b -> "org.eclipse.ui".equals(b.getSymbolicName()))
                .findFirst().orElse(null);
        assertNotNull(ui, "the workbench is in this runtime, so a headless bundle's optional UI import would wire to it");
        assertFalse(forbiddenNames("org.eclipse.core.runtime,org.eclipse.ui;bundle-version=\"3.200\"").isEmpty());
        assertTrue(forbiddenNames("org.eclipse.core.runtime;bundle-version=\"[3.30,4)\",org.eclipse.emf.ecore").isEmpty());
        assertFalse(uiWiresReachableFrom(ui).isEmpty(), "org.eclipse.ui wires to SWT and JFace");
    }

    private List<Bundle> headlessBundles() {
        List<Bundle> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name != null && name.startsWith("eu.urbanagenda.kb.") && isHeadless(name)) {
                result.add(bundle);
            }
        }
        return result;
    }

    static boolean isHeadless(String symbolicName) {
        List<String> segments = Arrays.asList(symbolicName.split("\\."));
        return !segments.contains("ui") && !segments.contains("tests") && !symbolicName.endsWith(".tests");
    }

    private static List<String> declaredUiDependencies(Bundle bundle) {
        List<String> violations = new ArrayList<>();
        for (String header : List.of(Constants.REQUIRE_BUNDLE, Constants.IMPORT_PACKAGE, Constants.DYNAMICIMPORT_PACKAGE)) {
            String value = bundle.getHeaders("").get(header);
            if (value != null) {
                for (String name : forbiddenNames(value)) {
                    violations.add(bundle.getSymbolicName() + " declares " + header + ": " + name);
                }
            }
        }
        return violations;
    }

    /** The names in a manifest header (clauses split at commas outside quotes) that are UI code. */
    static List<String> forbiddenNames(String header) {
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";")[0].strip();
                if (isForbidden(name)) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    static boolean isForbidden(String name) {
        for (String prefix : FORBIDDEN_PREFIXES) {
            if (name.equals(prefix) || name.startsWith(prefix + ".") || name.equals(prefix + ".*") || name.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** Walks the resolved wires from the bundle to everything it uses, and reports each path into UI code. */
    private static List<String> uiWiresReachableFrom(Bundle start) {
        List<String> violations = new ArrayList<>();
        Set<Bundle> seen = new HashSet<>();
        Deque<List<Bundle>> paths = new ArrayDeque<>();
        paths.add(List.of(start));
        seen.add(start);
        while (!paths.isEmpty()) {
            List<Bundle> path = paths.poll();
            Bundle current = path.get(path.size() - 1);
            BundleWiring wiring = current.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                Bundle provider = wire.getProvider().getBundle();
                if (!seen.add(provider)) {
                    continue;
                }
                List<Bundle> next = new ArrayList<>(path);
                next.add(provider);
                if (isForbidden(provider.getSymbolicName())) {
                    violations.add(start.getSymbolicName() + " reaches UI code: "
                            + next.stream().map(Bundle::getSymbolicName).toList());
                } else {
                    paths.add(next);
                }
            }
        }
        return violations;
    }
}
