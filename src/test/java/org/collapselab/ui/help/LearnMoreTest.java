package org.collapselab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.scene.Node;
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

    @Test
    void theViewerScrollsToTheFindingsSectionAndRendersItsText(FxRobot robot) {
        List<String> notFound = new ArrayList<>();
        MarkdownView[] view = new MarkdownView[1];
        robot.interact(() -> view[0] = LearnMore.show(null, "dead-relu"));
        WaitForAsyncUtils.waitForFxEvents();
        Node heading = view[0].section("dead-relu");
        assertNotNull(heading);
        assertTrue(view[0].getVvalue() > 0.5, "dead-relu is far down the guide: scrolled to " + view[0].getVvalue());
        assertEquals("dead-relu", text(heading));
        robot.interact(() -> {
            for (String id : findingIds()) {
                if (!view[0].scrollTo(id)) {
                    notFound.add(id);
                }
            }
        });
        assertTrue(notFound.isEmpty(), "the viewer finds no heading for " + notFound);
        robot.interact(() -> LearnMore.show(null, "class-imbalance"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(LearnMore.stage().getTitle().contains("class-imbalance"));
        double imbalance = view[0].getVvalue();
        robot.interact(() -> LearnMore.show(null, "preprocessing-mismatch"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view[0].getVvalue() > imbalance, "a later section scrolls further");
        robot.interact(() -> LearnMore.stage().hide());
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
