package io.github.flowcodec.cli.internal.kafka;

import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.cli.internal.listen.ListenServer;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.TemplateStore;
import io.github.flowcodec.flowmessage.FlowMessageView;
import io.github.flowcodec.kafka.KafkaFlowSink;
import io.github.flowcodec.kafka.KafkaTemplateStore;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;

/**
 * {@code listen --kafka}: records published to a topic as flow messages, templates shared through a compacted
 * topic when one is named (otherwise an in-memory store). Closing flushes the sink and stops the replication.
 */
public final class KafkaDestination implements ListenServer.Destination, AutoCloseable {

    private final KafkaFlowSink sink;
    private final KafkaTemplateStore replicated;
    private final TemplateStore store;

    /**
     * @param templateTopic the compacted topic of templates, or null for a store of this node's own
     */
    public KafkaDestination(String bootstrap, String topic, KafkaFlowSink.Format format, String templateTopic) {
        this.sink = KafkaFlowSink.builder(bootstrap, topic).format(format).build();
        this.replicated = templateTopic == null ? null : KafkaTemplateStore.builder(bootstrap, templateTopic).build();
        this.store = replicated == null ? TemplateStore.inMemory() : replicated;
    }

    /** Waits until the template topic is read to its end (at most the timeout); whether it was. */
    public boolean awaitTemplates(Duration timeout) throws InterruptedException {
        return replicated == null || replicated.awaitCaughtUp(timeout);
    }

    /** The sink's counters. */
    public KafkaFlowSink.Counters counters() {
        return sink.counters();
    }

    /** The replicated store, or null. */
    public KafkaTemplateStore replicatedStore() {
        return replicated;
    }

    @Override
    public TemplateStore templateStore() {
        return store;
    }

    @Override
    public FlowOutput output(OutputStream lines) {
        return new Publishing(sink.publisher());
    }

    @Override
    public String stats() {
        KafkaFlowSink.Counters c = sink.counters();
        StringBuilder s = new StringBuilder(String.format(", kafka %s: %,d published, %,d publish errors, %,d back-pressure drops",
                sink.topic(), c.published(), c.publishErrors(), c.backPressureDrops()));
        if (replicated != null) {
            KafkaTemplateStore.Counters t = replicated.counters();
            s.append(String.format(", templates %,d published, %,d applied, %,d unpublished", t.published(), t.applied(), t.unpublished()));
        }
        return s.toString();
    }

    /** Flushes every message to the broker (waiting at most 30 s) and stops replicating. */
    @Override
    public void close() {
        try {
            sink.close();
        } finally {
            if (replicated != null) {
                replicated.close();
            }
        }
    }

    /** One worker's records, as flow messages to the sink. */
    private static final class Publishing implements FlowOutput {
        private final FlowMessageView message = new FlowMessageView();
        private final KafkaFlowSink.Publisher publisher;

        Publishing(KafkaFlowSink.Publisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void write(ExportContext ctx, FlowFields record, long receivedNanos, InetAddress sampler) {
            publisher.publish(message.fill(ctx, record, receivedNanos, sampler), sampler);
        }

        @Override
        public void flush() {
            // the producer batches and sends by itself
        }

        @Override
        public void close() {
            // the destination closes the sink
        }
    }
}
