package eu.urbanagenda.kb.product.tests;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test class whose scenarios run once per {@link Cli.Mode}: standalone, then handed to a `kb serve` of each data
 * directory (stopped after the mode's scenarios).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Cli.Mode.class)
abstract class EveryMode {

    @TempDir
    static Path root;

    /** A folder of each mode's own, for the scenarios that change their data directory. */
    static Path work;

    @Parameter
    Cli.Mode mode;

    @BeforeParameterizedClassInvocation
    static void runCommands(Cli.Mode how) throws IOException {
        work = Cli.use(how, root);
    }

    @AfterParameterizedClassInvocation
    static void stopServices() throws Exception {
        Cli.stopServices();
    }
}
