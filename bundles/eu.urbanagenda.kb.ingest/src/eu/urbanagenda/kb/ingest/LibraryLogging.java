package eu.urbanagenda.kb.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Keeps the logging of the document libraries (PDFBox and POI through commons-logging and log4j-api, Tika through
 * slf4j) off the terminal: a user sees one line per skipped file, not the libraries' warnings and stack traces.
 * Everything is routed to java.util.logging, whose library loggers write to a log file (or nowhere) instead of the
 * console. Called before the first document is read; later calls only change the file.
 */
public final class LibraryLogging {

    /** The roots of the library loggers. */
    private static final List<String> LIBRARY_LOGGERS = List.of("org.apache", "org.slf4j", "com.github", "com.zaxxer",
            "org.jsoup", "org.openxmlformats", "com.microsoft");
    /** Held so that java.util.logging keeps their configuration (it holds loggers weakly). */
    private static final List<Logger> HELD = new ArrayList<>();
    private static Handler fileHandler;
    private static Path filePath;

    private LibraryLogging() {
    }

    /**
     * Routes the libraries' logging to a file (warnings and worse, at most 4 MB, one older file kept), or silences it.
     *
     * @param logFile the log file, or {@code null} to silence the libraries
     */
    public static synchronized void configure(Path logFile) {
        // commons-logging (PDFBox): to java.util.logging, not to log4j-api or slf4j that may be present
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.LogFactoryImpl");
        System.setProperty("org.apache.commons.logging.Log", "org.apache.commons.logging.impl.Jdk14Logger");
        // log4j-api (POI): to java.util.logging through log4j-to-jul; no status lines of log4j itself
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
        // slf4j (Tika): its provider is slf4j-jdk14; no notes about providers on stderr
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Path file = logFile == null ? null : logFile.toAbsolutePath().normalize();
        if (!HELD.isEmpty() && java.util.Objects.equals(file, filePath)) {
            return;
        }
        for (Logger logger : HELD) {
            if (fileHandler != null) {
                logger.removeHandler(fileHandler);
            }
        }
        if (fileHandler != null) {
            fileHandler.close();
            fileHandler = null;
        }
        filePath = file;
        Handler handler = null;
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                FileHandler h = new FileHandler(file.toString() + ".%g", 4 << 20, 2, true);
                h.setFormatter(new SimpleFormatter());
                h.setLevel(Level.WARNING);
                handler = h;
            } catch (IOException | RuntimeException e) {
                handler = null; // no log file: the libraries stay silent
            }
        }
        if (HELD.isEmpty()) {
            for (String name : LIBRARY_LOGGERS) {
                Logger logger = Logger.getLogger(name);
                logger.setUseParentHandlers(false);
                logger.setLevel(Level.WARNING);
                HELD.add(logger);
            }
        }
        if (handler != null) {
            for (Logger logger : HELD) {
                logger.addHandler(handler);
            }
        }
        fileHandler = handler;
    }

    /** Silences the libraries unless {@link #configure(Path)} was called. */
    static synchronized void ensureConfigured() {
        if (HELD.isEmpty()) {
            configure(null);
        }
    }
}
