package eu.urbanagenda.kb.git.tests;

import java.nio.file.Path;

/** The scenarios over file://. */
class FileSharingTest extends SharingScenarios {

    @Override
    String url(Path root) {
        return root.resolve("shared.git").toUri().toString();
    }
}
