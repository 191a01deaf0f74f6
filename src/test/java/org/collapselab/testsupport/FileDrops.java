package org.collapselab.testsupport;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;
import org.testfx.api.FxRobot;

/** Files dropped on a node as the platform delivers them: a drag-over and a drop whose dragboard holds the files. */
public final class FileDrops {
    private FileDrops() {
    }

    /** Fires a drag-over and a drop carrying {@code files} at {@code target}; returns whether the drag-over accepted them. */
    public static boolean drop(FxRobot robot, Node target, List<File> files) {
        boolean[] accepted = new boolean[1];
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new FileClipboard(files));
            DragboardHelper.setDataAccessRestriction(board, false);
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 400, 300, 400, 300, TransferMode.COPY, null,
                    target, null);
            Event.fireEvent(target, over);
            // The copies the handlers see share the gesture's state with the event fired.
            accepted[0] = over.isAccepted();
            Event.fireEvent(target, new DragEvent(DragEvent.DRAG_DROPPED, board, 400, 300, 400, 300,
                    TransferMode.COPY, null, target, null));
        });
        return accepted[0];
    }

    /** A dragboard's content as the platform hands it over: just the files. */
    private record FileClipboard(List<File> files) implements TKClipboard {
        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return format == DataFormat.FILES ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return format == DataFormat.FILES;
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
