package org.collapselab.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small part of Markdown our documents use, parsed into blocks: headings (with GitHub-style anchors),
 * paragraphs, bullet lists, tables and fenced code. No JavaFX here, so the section lookup is testable on its own.
 */
public final class MarkdownDocument {
    /** Where the app's findings catalogue lies in the jar; the pom copies it from docs/ at build time. */
    public static final String DIAGNOSTICS_RESOURCE = "/org/collapselab/docs/diagnostics.md";

    /** One block of the document. */
    public sealed interface Block permits Heading, Paragraph, BulletList, Table, Code {}

    public record Heading(int level, String text, String anchor) implements Block {}

    public record Paragraph(String text) implements Block {}

    public record BulletList(List<String> items) implements Block {}

    public record Table(List<String> header, List<List<String>> rows) implements Block {}

    public record Code(String text) implements Block {}

    private final List<Block> blocks;

    private MarkdownDocument(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The findings catalogue bundled in the jar. */
    public static MarkdownDocument diagnostics() {
        try (InputStream in = MarkdownDocument.class.getResourceAsStream(DIAGNOSTICS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the findings catalogue " + DIAGNOSTICS_RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index of the heading whose anchor is {@code anchor} (a finding id is its section's anchor), or -1. */
    public int sectionIndex(String anchor) {
        String wanted = anchorOf(anchor);
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof Heading h && h.anchor().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** GitHub's rule, near enough: lower case, punctuation dropped, spaces to hyphens. */
    static String anchorOf(String heading) {
        return stripInline(heading).toLowerCase(Locale.ROOT).strip()
                .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** The text without Markdown's inline marks, for anchors. */
    static String stripInline(String text) {
        return text.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
    }

    public static MarkdownDocument parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        StringBuilder paragraph = new StringBuilder();
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            String trimmed = line.strip();
            boolean continuesItem = !items.isEmpty() && line.startsWith("  ") && !trimmed.isEmpty();
            if (!continuesItem && !(trimmed.startsWith("- ") || trimmed.startsWith("* "))) {
                flushList(blocks, items);
            }
            if (trimmed.startsWith("```")) {
                flushParagraph(blocks, paragraph);
                StringBuilder code = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].strip().startsWith("```")) {
                    code.append(code.isEmpty() ? "" : "\n").append(lines[i]);
                    i++;
                }
                blocks.add(new Code(code.toString()));
            } else if (trimmed.isEmpty()) {
                flushParagraph(blocks, paragraph);
            } else if (trimmed.startsWith("#")) {
                flushParagraph(blocks, paragraph);
                int level = 0;
                while (level < trimmed.length() && trimmed.charAt(level) == '#') {
                    level++;
                }
                String text = trimmed.substring(level).strip();
                blocks.add(new Heading(level, text, anchorOf(text)));
            } else if (trimmed.startsWith("|")) {
                flushParagraph(blocks, paragraph);
                List<String> header = cells(trimmed);
                List<List<String>> rows = new ArrayList<>();
                i++;
                while (i < lines.length && lines[i].strip().startsWith("|")) {
                    String row = lines[i].strip();
                    if (!row.matches("\\|[\\s:|-]+\\|?")) {
                        rows.add(cells(row));
                    }
                    i++;
                }
                blocks.add(new Table(header, rows));
                continue;
            } else if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                flushParagraph(blocks, paragraph);
                items.add(trimmed.substring(2).strip());
            } else if (continuesItem) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + trimmed);
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(trimmed);
            }
            i++;
        }
        flushParagraph(blocks, paragraph);
        flushList(blocks, items);
        return new MarkdownDocument(blocks);
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int c = 0; c < inner.length(); c++) {
            char ch = inner.charAt(c);
            if (ch == '\\' && c + 1 < inner.length() && inner.charAt(c + 1) == '|') {
                cell.append('|'); // an escaped bar belongs to the cell
                c++;
            } else if (ch == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static void flushParagraph(List<Block> blocks, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Paragraph(paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    private static void flushList(List<Block> blocks, List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new BulletList(List.copyOf(items)));
            items.clear();
        }
    }
}
