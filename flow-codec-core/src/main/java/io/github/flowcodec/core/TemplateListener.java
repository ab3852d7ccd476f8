package io.github.flowcodec.core;

/**
 * Told of every change in a {@link TemplateStore}, on the thread that made it; keep it quick. A shared
 * (clustered) store can use it to publish templates to other nodes.
 *
 * <pre>{@code
 * store.addListener(event -> log.info("{} {} in {}", event.type(), event.template().id(), event.scope()));
 * }</pre>
 */
@FunctionalInterface
public interface TemplateListener {

    /**
     * Called after the store changed.
     *
     * @param event what changed, for which scope and template
     */
    void onTemplateEvent(TemplateEvent event);
}
