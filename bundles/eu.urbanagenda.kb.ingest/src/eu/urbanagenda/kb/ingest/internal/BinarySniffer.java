package eu.urbanagenda.kb.ingest.internal;

/** Recognises binary files by their magic numbers or by control bytes that do not occur in text. */
public final class BinarySniffer {

    private static final Object[][] MAGIC = {
            {new int[] {0x89, 'P', 'N', 'G'}, "PNG image"},
            {new int[] {0xFF, 0xD8, 0xFF}, "JPEG image"},
            {new int[] {'G', 'I', 'F', '8'}, "GIF image"},
            {new int[] {'P', 'K', 0x03, 0x04}, "ZIP archive or office document"},
            {new int[] {0x1F, 0x8B}, "gzip archive"},
            {new int[] {'B', 'Z', 'h'}, "bzip2 archive"},
            {new int[] {0xFD, '7', 'z', 'X', 'Z'}, "xz archive"},
            {new int[] {'7', 'z', 0xBC, 0xAF}, "7-Zip archive"},
            {new int[] {'R', 'a', 'r', '!'}, "RAR archive"},
            {new int[] {0x7F, 'E', 'L', 'F'}, "executable (ELF)"},
            {new int[] {'M', 'Z'}, "executable (Windows)"},
            {new int[] {0xCA, 0xFE, 0xBA, 0xBE}, "Java class file"},
            {new int[] {0xD0, 0xCF, 0x11, 0xE0}, "legacy Microsoft Office document"},
            {new int[] {'{', '\\', 'r', 't', 'f'}, "RTF document"},
            {new int[] {'R', 'I', 'F', 'F'}, "RIFF media file"},
            {new int[] {'O', 'g', 'g', 'S'}, "Ogg media file"},
            {new int[] {'I', 'D', '3'}, "MP3 audio"},
            {new int[] {'S', 'Q', 'L', 'i', 't', 'e'}, "SQLite database"},
            {new int[] {'w', 'O', 'F', 'F'}, "web font"},
    };

    private BinarySniffer() {
    }

    /**
     * @param bytes the beginning of a file
     * @return a description such as "PNG image" if the bytes are not text, or {@code null}
     */
    public static String binaryKind(byte[] bytes) {
        for (Object[] m : MAGIC) {
            int[] magic = (int[]) m[0];
            if (startsWith(bytes, magic)) {
                if (magic[0] == 'M' && !hasControlBytes(bytes)) {
                    continue; // "MZ..." may be the start of a text
                }
                return (String) m[1];
            }
        }
        return hasControlBytes(bytes) ? "binary data" : null;
    }

    private static boolean hasControlBytes(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return control > 0.01 * n + 1;
    }

    private static boolean startsWith(byte[] b, int[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
