package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import eu.urbanagenda.kb.index.opensearch.ClusterException;

/** The TLS trust of the connection: Java's own, plus the certificate authorities of a given file. */
final class TrustedAuthorities {
    private TrustedAuthorities() {
    }

    /**
     * @param caCertificate a PEM or DER file with the organisation's certificate authorities, or {@code null}
     * @return a TLS context trusting them besides Java's own trust
     * @throws ClusterException if the file cannot be read or holds no certificate
     */
    static SSLContext sslContext(Path caCertificate) throws ClusterException {
        try {
            if (caCertificate == null) {
                return SSLContext.getDefault();
            }
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(caCertificate)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new CertificateException("no certificate in it");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            X509TrustManager own = trustManager(store);
            X509TrustManager standard = trustManager(null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(own, standard)}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ClusterException("Cannot use the CA certificate " + caCertificate + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(Locale.ROOT))
                    + ".", e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server that either the given authorities or Java's own trust. */
    private record EitherTrustManager(X509TrustManager own, X509TrustManager standard) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            standard.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                own.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                standard.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = own.getAcceptedIssuers();
            X509Certificate[] b = standard.getAcceptedIssuers();
            X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
