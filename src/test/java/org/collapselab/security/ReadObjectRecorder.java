package org.collapselab.security;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands for a gadget class: its {@code readObject} records that deserialization reached it. */
public final class ReadObjectRecorder implements Serializable {
    private static final long serialVersionUID = 1L;
    /** One entry per {@code readObject} that ran. */
    public static final List<String> RAN = new CopyOnWriteArrayList<>();

    private final String marker;

    public ReadObjectRecorder(String marker) {
        this.marker = marker;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        RAN.add(marker);
    }
}
