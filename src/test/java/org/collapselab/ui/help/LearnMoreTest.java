package org.collapselab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.collapselab.core.diagnostics.DiagnosticCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Learn more" finds every finding's section in the catalogue the build bundles, renders it and scrolls to it. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LearnMoreTest {

    @Start
    void start(Stage stage) {
        stage.show();
    }

    static TreeSet<String> findingIds() {
        TreeSet<String> ids = new TreeSet<>();
        DiagnosticCatalog.defaultChecks().forEach(check -> ids.addAll(check.findingIds()));
        return ids;
    }

    @Test
    void everyFindingOfTheCatalogueHasASectionInTheBundledGuide() {
        MarkdownDocument guide = MarkdownDocument.diagnostics();
        List<String> missing = new ArrayList<>();
        for (String id : findingIds()) {
            if (guide.sectionIndex(id) < 0) {
                missing.add(id);
            }
        }
        assertTrue(findingIds().size() > 20, "the catalogue lists its findings");
        assertTrue(missing.isEmpty(), "docs/diagnostics.md has no '### id' section for " + missing);
        assertEquals(-1, guide.sectionIndex("no-such-finding"));
    }

    /**
     * The guide in a scene that is never shown: CSS, layout and the scroll position are computed on the FX thread
     * without a window, so nothing waits for a render pulse (a shown window with Monocle's software renderer hung
     * here). Every finding's heading is found, marked as the target, and scrolled into the viewport.
     */
    @Test
    void theViewerScrollsEachFindingsHeadingIntoView(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        double[] deadReluOffset = new double[1];
        robot.interact(() -> {
            MarkdownView view = new MarkdownView(MarkdownDocument.diagnostics());
            new Scene(view, 900, 700);
            view.applyCss();
            view.resize(900, 700);
            view.layout();
            for (String id : findingIds()) {
                if (!view.scrollTo(id)) {
                    problems.add(id + ": no heading");
                    continue;
                }
                Node heading = view.section(id);
                if (!id.equals(text(heading))) {
                    problems.add(id + ": the heading reads '" + text(heading) + "'");
                }
                long targets = view.lookupAll(".markdown-target").size();
                if (!heading.getStyleClass().contains("markdown-target") || targets != 1) {
                    problems.add(id + ": not the one marked target (" + targets + " marked)");
                }
                double top = heading.getBoundsInParent().getMinY();
                double viewport = view.getViewportBounds().getHeight();
                double offset = view.getVvalue() * (view.getContent().getLayoutBounds().getHeight() - viewport);
                if (top < offset || top + 10 > offset + viewport) {
                    problems.add(String.format("%s: heading at %.0f px, viewport shows %.0f–%.0f px", id, top, offset,
                            offset + viewport));
                }
                if (id.equals("dead-relu")) {
                    deadReluOffset[0] = offset;
                }
            }
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(deadReluOffset[0] > 1000, "dead-relu is far down the guide: scrolled " + deadReluOffset[0] + " px");
    }

    @Test
    void theFindingCardsButtonOpensItsFindingsSection(FxRobot robot) {
        robot.interact(() -> LearnMore.button("nan-loss").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(LearnMore.stage().isShowing());
        assertTrue(LearnMore.stage().getTitle().startsWith("Learn more: nan-loss"), LearnMore.stage().getTitle());
        robot.interact(() -> LearnMore.stage().hide());
    }

    @Test
    void inlineMarksBecomeStyledRunsWithoutTheirMarkup() {
        MarkdownDocument doc = MarkdownDocument.parse("""
                # Title

                Some `code`, **bold** and a [link](https://example.org).

                - one
                - two
                  continued

                | a | b |
                |---|---|
                | 1 \\| 2 | 3 |
                """);
        assertEquals(4, doc.blocks().size(), doc.blocks().toString());
        assertEquals(new MarkdownDocument.Heading(1, "Title", "title"), doc.blocks().get(0));
        assertEquals(List.of("one", "two continued"), ((MarkdownDocument.BulletList) doc.blocks().get(2)).items());
        assertEquals(List.of(List.of("1 | 2", "3")), ((MarkdownDocument.Table) doc.blocks().get(3)).rows());
        TextFlow flow = MarkdownView.inline("Some `code`, **bold** and a [link](https://example.org).", null);
        assertEquals("Some code, bold and a link.", text(flow));
        assertFalse(text(flow).contains("`"));
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        if (node instanceof TextFlow flow) {
            flow.getChildren().forEach(n -> text.append(n instanceof Text t ? t.getText() : ""));
        }
        return text.toString();
    }
}
