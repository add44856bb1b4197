package eu.urbanagenda.kb.headless.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

class HeadlessGuardTest {

    @Test
    void runsInsideOsgi() {
        Bundle self = FrameworkUtil.getBundle(HeadlessGuardTest.class);
        assertTrue(self != null && self.getBundleContext() != null, "tests run inside Equinox");
    }
}
