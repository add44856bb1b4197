package eu.urbanagenda.kb.git.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;

/** The scenarios over the Git protocol: a real git daemon on the loopback. */
class DaemonSharingTest extends SharingScenarios {

    private GitProcess.Daemon daemon;

    @Override
    String url(Path root) throws Exception {
        daemon = new GitProcess.Daemon(root);
        return daemon.url("shared.git");
    }

    @AfterEach
    void stopDaemon() throws InterruptedException {
        daemon.close();
    }
}
