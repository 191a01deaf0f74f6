package org.collapselab.core.experiment.runs;

/**
 * One colour per compared run, shared by the Compare view and the HTML export so a run has the same colour in
 * both. The Okabe–Ito palette (Okabe &amp; Ito, "Color Universal Design", 2008) stays distinguishable for the
 * common forms of colour blindness; its eight colours match the eight runs Compare takes.
 */
public final class RunColours {
    private static final String[] PALETTE = {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#B8A800"
    };

    private RunColours() {
    }

    /** The colour of the {@code index}-th run, as {@code #RRGGBB}. */
    public static String of(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }
}
