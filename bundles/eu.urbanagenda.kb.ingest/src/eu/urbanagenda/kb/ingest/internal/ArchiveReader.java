package eu.urbanagenda.kb.ingest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the members of a ZIP archive one at a time, within limits: members larger than the size limit are reported
 * and skipped, and an archive that unpacks to more than a multiple of its size, or that has too many members, is
 * refused as a decompression bomb before it fills memory. Names without the UTF-8 flag are read as CP866, the code
 * page Windows uses for ZIP names in Ukrainian, Bulgarian and Russian settings.
 */
public final class ArchiveReader {

    private static final Charset LEGACY_NAMES = Charset.forName("IBM866");

    /** Receives the members. */
    public interface Visitor {
        /**
         * @param name the member's path inside the archive
         * @param bytes its content
         * @throws Exception what handling it throws, which ends the reading
         */
        void member(String name, byte[] bytes) throws Exception;

        /**
         * @param name the member's path inside the archive
         * @param reason why it is not read
         */
        void skipped(String name, String reason);
    }

    private ArchiveReader() {
    }

    /**
     * @param zip the archive
     * @param maxMemberSize larger members are skipped
     * @param maxMembers more members make the archive unusable
     * @param maxRatio unpacking to more than this many times the archive's size makes it unusable
     * @param visitor receives the members
     * @throws IOException if the archive is damaged or a bomb; the message is the reason
     * @throws Exception what the visitor throws
     */
    public static void read(byte[] zip, long maxMemberSize, int maxMembers, int maxRatio, Visitor visitor)
            throws Exception {
        long maxTotal = Math.max(64L << 20, (long) maxRatio * zip.length);
        long total = 0;
        int members = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), LEGACY_NAMES)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Deadline.check();
                if (e.isDirectory()) {
                    continue;
                }
                if (++members > maxMembers) {
                    throw new IOException("archive has more than " + maxMembers + " files");
                }
                String name = clean(e.getName());
                boolean wanted = !name.isEmpty() && !hidden(name);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long size = 0;
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    size += n;
                    total += n;
                    if (total > maxTotal) {
                        throw new IOException("archive unpacks to more than " + (maxTotal >> 20)
                                + " MB, over " + maxRatio + " times its size (a decompression bomb?)");
                    }
                    if (wanted && size <= maxMemberSize) {
                        out.write(buffer, 0, n);
                    }
                }
                if (!wanted) {
                    continue;
                }
                if (size > maxMemberSize) {
                    visitor.skipped(name, "file too large (" + (size >> 20) + " MB unpacked, over the limit of "
                            + (maxMemberSize >> 20) + " MB)");
                } else if (size == 0) {
                    visitor.skipped(name, "empty file (0 bytes)");
                } else {
                    visitor.member(name, out.toByteArray());
                }
            }
        } catch (IllegalArgumentException | java.util.zip.ZipException e) {
            throw new IOException("damaged ZIP archive (" + e.getMessage() + ")", e);
        }
        if (members == 0) {
            throw new IOException("empty or damaged ZIP archive (no files in it)");
        }
    }

    /** A member name as a relative path: no leading slashes, no {@code .} or {@code ..} parts, forward slashes. */
    static String clean(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.replace('\\', '/').split("/")) {
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static boolean hidden(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }
}
