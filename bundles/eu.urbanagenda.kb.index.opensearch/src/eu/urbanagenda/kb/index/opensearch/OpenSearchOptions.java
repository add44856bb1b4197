package eu.urbanagenda.kb.index.opensearch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to use a cluster, besides its URL. Build with {@link #builder()}; {@link #defaults()} has none of the optional
 * parts.
 *
 * @param user the user name for basic authentication, or {@code null} (then the URL's, if any)
 * @param password the password, or {@code null} (then the URL's, if any)
 * @param caCertificate a PEM file with the certificate(s) of the authority that signed the cluster's TLS certificates,
 *            trusted besides Java's own, or {@code null}
 * @param shards primary shards of a new index
 * @param replicas replicas of each shard of a new index; -1 (the default): one as soon as the cluster has a second
 *            node, none before
 * @param rebuild whether an index of another format or analysis version is deleted and created anew (its documents
 *            must then be indexed again, see {@link eu.urbanagenda.kb.index.FormatChange}); otherwise opening it fails
 *            with a message saying so
 * @param timeout how long one request may take
 * @param retryFor how long a search or a write is retried while the cluster cannot serve it (a node failing, shards
 *            moving to another node) before it fails
 * @param workDirectory a folder on this computer for what updates keep locally: the extraction log and the OCR cache
 *            (the desktop index keeps them in its own folder); default {@code ~/.cache/urbanagenda-kb/opensearch}
 */
public record OpenSearchOptions(String user, String password, Path caCertificate, int shards, int replicas,
        boolean rebuild, Duration timeout, Duration retryFor, Path workDirectory) {

    /** @return options without credentials or certificate: 1 shard, replicas as nodes allow, 30 s, retried 60 s */
    public static OpenSearchOptions defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link OpenSearchOptions}. */
    public static final class Builder {
        private String user;
        private String password;
        private Path caCertificate;
        private int shards = 1;
        private int replicas = -1;
        private boolean rebuild;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration retryFor = Duration.ofSeconds(60);
        private Path workDirectory;

        Builder() {
        }

        /**
         * @param name user name
         * @param secret password
         * @return this
         */
        public Builder credentials(String name, String secret) {
            this.user = name;
            this.password = secret;
            return this;
        }

        /**
         * @param pem a PEM file with CA certificates to trust
         * @return this
         */
        public Builder caCertificate(Path pem) {
            this.caCertificate = pem;
            return this;
        }

        /**
         * @param count primary shards of a new index (at least 1)
         * @return this
         */
        public Builder shards(int count) {
            this.shards = Math.max(1, count);
            return this;
        }

        /**
         * @param count replicas of a new index, or -1 for one as soon as there is a second node
         * @return this
         */
        public Builder replicas(int count) {
            this.replicas = Math.max(-1, count);
            return this;
        }

        /**
         * @param on whether an index of another version is rebuilt
         * @return this
         */
        public Builder rebuild(boolean on) {
            this.rebuild = on;
            return this;
        }

        /**
         * @param duration how long one request may take
         * @return this
         */
        public Builder timeout(Duration duration) {
            this.timeout = duration;
            return this;
        }

        /**
         * @param duration how long a request is retried while the cluster cannot serve it
         * @return this
         */
        public Builder retryFor(Duration duration) {
            this.retryFor = duration;
            return this;
        }

        /**
         * @param folder where updates keep their extraction log and OCR cache (e.g. the product's data folder)
         * @return this
         */
        public Builder workDirectory(Path folder) {
            this.workDirectory = folder;
            return this;
        }

        /** @return the options */
        public OpenSearchOptions build() {
            Path work = workDirectory != null ? workDirectory
                    : Path.of(System.getProperty("user.home"), ".cache", "urbanagenda-kb", "opensearch");
            return new OpenSearchOptions(user, password, caCertificate, shards, replicas, rebuild, timeout, retryFor,
                    work);
        }
    }
}
