package org.collapselab.ui.help;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders a {@link MarkdownDocument} with plain JavaFX text nodes (no browser, no WebView) in a scroll pane, and
 * scrolls to a heading's anchor. Inline marks: `code`, **bold**, *italic* and [links](…) shown as their text.
 */
public final class MarkdownView extends ScrollPane {
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\*([^*]+)\\*|\\[([^\\]]+)]\\(([^)]*)\\)");

    private final VBox content = new VBox(10);
    private final Map<String, Node> anchors = new HashMap<>();
    private Node highlighted;

    public MarkdownView(MarkdownDocument document) {
        content.setPadding(new Insets(16, 24, 24, 24));
        content.getStyleClass().add("markdown");
        setContent(content);
        setFitToWidth(true);
        setId("markdownView");
        setAccessibleText("Document text");
        for (MarkdownDocument.Block block : document.blocks()) {
            Node node = render(block);
            content.getChildren().add(node);
            if (block instanceof MarkdownDocument.Heading h) {
                anchors.putIfAbsent(h.anchor(), node);
            }
        }
    }

    /** The heading node of {@code anchor}, or null. */
    public Node section(String anchor) {
        return anchors.get(MarkdownDocument.anchorOf(anchor));
    }

    /** Scrolls so that the heading of {@code anchor} is at the top and marks it; false when there is no such heading. */
    public boolean scrollTo(String anchor) {
        Node target = section(anchor);
        if (target == null) {
            return false;
        }
        if (highlighted != null) {
            highlighted.getStyleClass().remove("markdown-target");
        }
        highlighted = target;
        target.getStyleClass().add("markdown-target");
        target.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 4;");
        // The layout must be known before the position can be; run after the next pulse too.
        Runnable scroll = () -> {
            applyCss();
            layout();
            Bounds bounds = target.getBoundsInParent();
            double range = content.getHeight() - getViewportBounds().getHeight();
            setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, bounds.getMinY() - 8) / range)); // a little air above
        };
        scroll.run();
        Platform.runLater(scroll);
        return true;
    }

    private Node render(MarkdownDocument.Block block) {
        if (block instanceof MarkdownDocument.Heading h) {
            TextFlow flow = inline(h.text(), "markdown-h" + Math.min(h.level(), 3));
            flow.setPadding(new Insets(h.level() <= 2 ? 12 : 6, 4, 2, 4));
            flow.setId("section-" + h.anchor());
            flow.setAccessibleText(MarkdownDocument.stripInline(h.text()));
            return flow;
        }
        if (block instanceof MarkdownDocument.Paragraph p) {
            return inline(p.text(), null);
        }
        if (block instanceof MarkdownDocument.BulletList list) {
            VBox items = new VBox(4);
            for (String item : list.items()) {
                TextFlow flow = inline(item, null);
                flow.getChildren().add(0, new Text("•  "));
                flow.setPadding(new Insets(0, 0, 0, 12));
                items.getChildren().add(flow);
            }
            return items;
        }
        if (block instanceof MarkdownDocument.Table table) {
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(6);
            grid.getStyleClass().add("markdown-table");
            for (int c = 0; c < table.header().size(); c++) {
                grid.add(cell(table.header().get(c), true), c, 0);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    grid.add(cell(row.get(c), false), c, r + 1);
                }
            }
            return grid;
        }
        MarkdownDocument.Code code = (MarkdownDocument.Code) block;
        Label label = new Label(code.text());
        label.setStyle("-fx-font-family: monospace; -fx-padding: 8; -fx-background-color: -color-bg-subtle;");
        label.setWrapText(true);
        return label;
    }

    private static Node cell(String text, boolean header) {
        TextFlow flow = inline(text, header ? "markdown-th" : null);
        flow.setMaxWidth(420);
        return flow;
    }

    /** A paragraph's text with its inline marks turned into styled runs. */
    static TextFlow inline(String text, String styleClass) {
        List<Text> runs = new ArrayList<>();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(new Text(text.substring(at, m.start())));
            }
            Text run;
            if (m.group(1) != null) {
                run = new Text(m.group(1));
                run.setStyle("-fx-font-family: monospace;");
            } else if (m.group(2) != null) {
                run = new Text(m.group(2));
                run.setStyle("-fx-font-weight: bold;");
            } else if (m.group(3) != null) {
                run = new Text(m.group(3));
                run.setStyle("-fx-font-style: italic;");
            } else {
                run = new Text(m.group(4));
                run.setUnderline(true);
            }
            runs.add(run);
            at = m.end();
        }
        if (at < text.length()) {
            runs.add(new Text(text.substring(at)));
        }
        for (Text run : runs) {
            run.getStyleClass().add("text");
            if (styleClass != null) {
                run.getStyleClass().add(styleClass);
                String size = switch (styleClass) {
                    case "markdown-h1" -> "-fx-font-size: 1.7em; -fx-font-weight: bold;";
                    case "markdown-h2" -> "-fx-font-size: 1.4em; -fx-font-weight: bold;";
                    case "markdown-h3" -> "-fx-font-size: 1.15em; -fx-font-weight: bold;";
                    default -> "-fx-font-weight: bold;";
                };
                run.setStyle(run.getStyle() + size);
            }
        }
        TextFlow flow = new TextFlow(runs.toArray(Node[]::new));
        flow.setLineSpacing(2);
        return flow;
    }
}
