package org.collapselab.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasGetALeadingQuote() {
        assertEquals("'=HYPERLINK(\"\"http://evil\"\")", CsvCells.neutralised("=HYPERLINK(\"\"http://evil\"\")"));
        assertEquals("'+1+2", CsvCells.text("+1+2"));
        assertEquals("'-2+3", CsvCells.text("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.text("@SUM(A1)"));
        assertEquals("'\tcmd", CsvCells.text("\tcmd"));
        assertEquals("\"'\rcmd\"", CsvCells.text("\rcmd"));
    }

    @Test
    void everyValueIsRestoredAfterNeutralising() {
        for (String value : new String[]{"=1+1", "-0.5", "'=quoted", "'tis", "cats", "", "@home", "\tx"}) {
            assertEquals(value, CsvCells.restored(CsvCells.neutralised(value)), value);
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertEquals("cats", CsvCells.text("cats"));
        assertEquals("a=b", CsvCells.text("a=b"));
        assertEquals("", CsvCells.text(null));
    }

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", CsvCells.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.text("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.text("two\nlines"));
        assertEquals("\"'=1,2\"", CsvCells.text("=1,2"));
        assertEquals("\"a;b\"", CsvCells.text("a;b"), "a semicolon is the separator in German and French spreadsheets");
    }

    @Test
    void aRowJoinsNeutralisedCells() {
        System.out.println("escaped row: " + CsvCells.row("img/1.png", "=cmd|' /C calc'!A0", "cats"));
        assertEquals("img/1.png,'=cmd|' /C calc'!A0,cats", CsvCells.row("img/1.png", "=cmd|' /C calc'!A0", "cats"));
    }

    @Test
    void numbersUseADecimalPointUnderEveryLocale() {
        Locale old = Locale.getDefault();
        try {
            for (Locale locale : new Locale[]{Locale.GERMANY, Locale.FRANCE}) {
                Locale.setDefault(locale);
                assertEquals("0.1250", CsvCells.number(0.125, 4), locale.toString());
            }
        } finally {
            Locale.setDefault(old);
        }
    }
}
