package org.collapselab.ui.diagnose;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.collapselab.core.diagnostics.CheckState;
import org.collapselab.core.diagnostics.DiagnosticCheck;
import org.collapselab.core.diagnostics.Severity;
import org.collapselab.core.diagnostics.StepResult;

/**
 * UI-only wrapper of one step of a diagnostic session (style §2.4, like Cryptomator's
 * {@code ui/health/Check}): the domain check plus observable state. FX thread only.
 */
public final class StepItem {
    private final int index;
    private final DiagnosticCheck check;
    private final ObjectProperty<StepResult> result = new SimpleObjectProperty<>(StepResult.PENDING);
    private final StringProperty progress = new SimpleStringProperty("");

    StepItem(int index, DiagnosticCheck check) {
        this.index = index;
        this.check = check;
    }

    public int index() { return index; }
    public DiagnosticCheck check() { return check; }
    public ObjectProperty<StepResult> resultProperty() { return result; }
    public StepResult result() { return result.get(); }
    public StringProperty progressProperty() { return progress; }

    /** For list views that refresh a cell when the step changes. */
    public Observable[] observables() {
        return new Observable[]{result, progress};
    }

    /**
     * The state as the stepper shows it: pending, running, passed, skipped, waiting, not-applicable, failed, or — for a
     * step with
     * findings — the worst severity (info, warning, critical).
     */
    public static String stateKey(StepResult r) {
        if (r.state() == CheckState.FOUND) {
            Severity worst = r.worstSeverity();
            return worst == null ? "passed" : worst.json();
        }
        return r.state().name().toLowerCase().replace('_', '-');
    }

    public String stateKey() {
        return stateKey(result.get());
    }
}
