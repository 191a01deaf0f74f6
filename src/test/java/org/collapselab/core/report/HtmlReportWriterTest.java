package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.collapselab.core.model.ConfigCodec;
import org.collapselab.core.training.CollapseVerdict;
import org.collapselab.core.training.RunStatus;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    @Test
    void classAndFileNamesAreEscaped() {
        String evil = "<img src=x onerror=alert(1)>";
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(evil, 3);
        counts.put("ok", 4);
        RunReport report = new RunReport(1, RunStatus.COMPLETED, null,
                new RunReport.DatasetSection("/data", List.of(evil, "ok"), counts, 5, 2,
                        List.of(new RunReport.SkippedEntry("/data/" + evil + "/x.txt", "not an image"))),
                ConfigCodec.defaults(), null,
                List.of(new RunReport.EpochReport(1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 1)),
                new RunReport.FinalSection(0.5, 0.5, 0.5, 0.5, 1.0, List.of(evil),
                        new RunReport.ConfusionSection(List.of(evil, "ok"), new int[][]{{1, 0}, {1, 0}})),
                new CollapseVerdict(true, 1, evil), List.of());
        String html = HtmlReportWriter.render(report);
        assertFalse(html.contains("<img"), "raw tag in the report");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("<script"), "the report runs no script");
    }
}
