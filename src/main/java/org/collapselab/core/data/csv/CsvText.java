package org.collapselab.core.data.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.core.data.DataException;

/**
 * The raw text of a CSV file cut into records, each with the 1-based line it starts on and its field count.
 * Only record boundaries are found here (a line break inside a quoted field does not end a record); the
 * fields themselves are read by Tablesaw. Immutable.
 *
 * @param separator the field separator: ',' unless the header line holds more ';' or tabs
 * @param header    the first non-blank record
 * @param records   every later non-blank record, in file order
 */
record CsvText(char separator, Record header, List<Record> records) {
    private static final int SNIFF_BYTES = 8192;

    /** One record: where it starts and its text without the line break. */
    record Record(int line, String text, int fields) {
    }

    static CsvText parse(Path file, byte[] bytes) throws DataException {
        if (isBlank(bytes)) {
            throw new DataException("the file is empty: " + file);
        }
        String binaryReason = binaryReason(bytes);
        if (binaryReason != null) {
            throw new DataException("not a CSV file: " + file.getFileName() + " " + binaryReason
                    + "; a CSV file is plain text with a header line and one row per line");
        }
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte order mark, as spreadsheet programs write
        }
        char separator = sniffSeparator(text);
        List<Record> all = split(text, separator);
        if (all.isEmpty()) {
            throw new DataException("the file is empty: " + file);
        }
        return new CsvText(separator, all.get(0), List.copyOf(all.subList(1, all.size())));
    }

    /** Null for text; otherwise why the bytes look binary. */
    private static String binaryReason(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return "holds binary data (a zero byte at offset " + i + ")";
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        if (control * 20 > n) { // more than 5% control characters: no text file looks like that
            return "holds binary data (" + control + " control characters in the first " + n + " bytes)";
        }
        return null;
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (older spreadsheet exports), which never fails. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return true;
    }

    /** The most frequent of ',', ';' and tab on the first non-blank line; ',' on a tie or when none occurs. */
    private static char sniffSeparator(String text) {
        int start = 0;
        String first = "";
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (!line.isBlank()) {
                first = line;
                break;
            }
            start = end < 0 ? text.length() : end + 1;
        }
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /**
     * Cuts the text at line breaks outside quotes (RFC 4180: a quote opens a field only at its start, and
     * {@code ""} inside a quoted field is a literal quote), counting separators outside quotes as it goes.
     */
    private static List<Record> split(String text, char separator) {
        List<Record> records = new ArrayList<>();
        int line = 1;
        int recordLine = 1;
        int recordStart = 0;
        int separators = 0;
        boolean inQuotes = false;
        boolean fieldStart = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                    line++;
                }
                continue;
            }
            if (c == '\r' || c == '\n') {
                add(records, text.substring(recordStart, i), recordLine, separators);
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                recordLine = line;
                recordStart = i + 1;
                separators = 0;
                fieldStart = true;
            } else if (c == separator) {
                separators++;
                fieldStart = true;
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
            } else if (c != ' ') {
                fieldStart = false;
            }
        }
        add(records, text.substring(Math.min(recordStart, n)), recordLine, separators);
        return records;
    }

    private static void add(List<Record> records, String text, int line, int separators) {
        if (!text.isBlank()) {
            records.add(new Record(line, text, separators + 1));
        }
    }
}
