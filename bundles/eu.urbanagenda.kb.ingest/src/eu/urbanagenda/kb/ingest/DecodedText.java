package eu.urbanagenda.kb.ingest;

import java.nio.charset.Charset;

/**
 * Text decoded from bytes by {@link TextDecoder}.
 *
 * @param text the decoded text, without a byte order mark, NFC-normalised, with LF line ends
 * @param charset the encoding that was used
 * @param source how that encoding was chosen
 */
public record DecodedText(String text, Charset charset, EncodingSource source) {
}
