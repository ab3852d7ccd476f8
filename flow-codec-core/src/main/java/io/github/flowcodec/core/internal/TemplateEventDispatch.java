package io.github.flowcodec.core.internal;

import io.github.flowcodec.core.TemplateEvent;
import io.github.flowcodec.core.TemplateListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of an {@link InMemoryTemplateStore} and the telling of its events. It owns the listeners,
 * in a copy-on-write list so that they can be added and removed while events are being told, and the rule
 * for a listener that throws: the remaining listeners and events are still told, then the first failure is
 * rethrown, later ones attached to it as suppressed. The store calls it outside its lock, after the change
 * is complete, on the thread that made the change.
 */
final class TemplateEventDispatch {

    private final CopyOnWriteArrayList<TemplateListener> listeners = new CopyOnWriteArrayList<>();

    void add(TemplateListener listener) {
        listeners.add(listener);
    }

    void remove(TemplateListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener of every event, in order; rethrows the first listener failure after all were told. */
    void tell(List<TemplateEvent> events) {
        if (events.isEmpty() || listeners.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        for (TemplateEvent event : events) {
            for (TemplateListener listener : listeners) {
                try {
                    listener.onTemplateEvent(event);
                } catch (RuntimeException ex) {
                    if (failure == null) {
                        failure = ex;
                    } else if (failure != ex) {
                        failure.addSuppressed(ex);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
