package io.github.flowcodec.ipfix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FieldSpec;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.TemplateEvent;
import io.github.flowcodec.core.TemplateStore;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The template state under attack and under load (issue 6): a flood of distinct templates from many
 * exporters stays within the store's limits while a well-behaved exporter keeps decoding; and many threads
 * decoding interleaved messages from many exporters, whose templates are redefined and withdrawn all the
 * time, read every record with the template that preceded it in its exporter's stream.
 */
class TemplateStateUnderLoadTest {

    private static final InformationElementRegistry IANA = InformationElementRegistry.iana();
    private static final InformationElement GENERATION = IANA.require("flowId");         // unsigned64: which layout
    private static final InformationElement CHECK = IANA.require("octetDeltaCount");     // a sum over the record
    private static final InformationElement FILL = IANA.require("packetDeltaCount");

    /** Layout of generation g: generation marker, (g % 5) + 1 fill fields of (g % 3) + 2 bytes, check sum. */
    static Template layout(int id, long generation) {
        Template.Builder b = Template.builder(id).field(GENERATION, 8);
        int fills = (int) (generation % 5) + 1;
        int width = (int) (generation % 3) + 2;
        for (int i = 0; i < fills; i++) {
            b.field(FILL, width);
        }
        return b.field(CHECK, 8).build();
    }

    static FlowRecord record(Template t, long generation, long seed) {
        FlowRecord.Builder b = FlowRecord.builder(t).setLong(0, generation);
        long sum = generation;
        int width = t.fieldLength(1);
        for (int i = 1; i < t.fieldCount() - 1; i++) {
            long v = (seed * 31 + i) & ((1L << (8 * width)) - 1);
            b.setLong(i, v);
            sum += v;
        }
        return b.setLong(t.fieldCount() - 1, sum).build();
    }

    /** Whether a decoded record is whole and read with its own generation's layout. */
    static boolean consistent(RecordView r) {
        long generation = r.getLong(0);
        if (!r.template().sameLayout(layout(r.template().id(), generation))) {
            return false;
        }
        long sum = generation;
        for (int i = 1; i < r.template().fieldCount() - 1; i++) {
            sum += r.getLong(i);
        }
        return sum == r.getLong(r.template().fieldCount() - 1);
    }

    @Test
    void aTemplateFloodStaysWithinTheStoreLimitsWhileAWellBehavedExporterKeepsDecoding() {
        int perExporter = 64;
        int total = 2_000;
        List<TemplateEvent> evictions = new ArrayList<>();
        TemplateStore store = TemplateStore.builder().maxTemplatesPerExporter(perExporter).maxTemplates(total).build();
        store.addListener(e -> {
            if (e.type() == TemplateEvent.Type.EVICTED) {
                evictions.add(e);
            }
        });
        IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().templateStore(store).mode(DecodeMode.LENIENT).build());
        InetSocketAddress good = new InetSocketAddress("198.51.100.1", 4739);
        Template goodTemplate = layout(256, 7);
        long goodRecords = 0;
        int maxSize = 0;
        for (int round = 0; round < 100; round++) {
            // 100 attackers x 100 rounds x 40 templates: 400,000 distinct templates in all
            for (int attacker = 0; attacker < 100; attacker++) {
                InetSocketAddress from = new InetSocketAddress("10.1." + (attacker / 250) + "." + (attacker % 250 + 1), 4739);
                Template[] flood = new Template[40];
                for (int i = 0; i < flood.length; i++) {
                    flood[i] = layout(256 + (round * 40 + i) % 60_000, round * 40L + i + attacker);
                }
                decoder.decode(IpfixMessageBuilder.create().observationDomainId(attacker).templates(flood).toBuffer(), from);
                maxSize = Math.max(maxSize, store.size());
            }
            // the well-behaved exporter refreshes its template every 10 rounds and sends data every round
            IpfixMessageBuilder m = IpfixMessageBuilder.create().observationDomainId(1).sequence(goodRecords);
            if (round % 10 == 0) {
                m.templates(goodTemplate);
            }
            m.data(record(goodTemplate, 7, round), record(goodTemplate, 7, round + 1000));
            List<FlowRecord> decoded = decoder.decode(m.toBuffer(), good).records();
            assertThat(decoded).as("round %d", round).containsExactly(record(goodTemplate, 7, round), record(goodTemplate, 7, round + 1000));
            goodRecords += decoded.size();
        }
        assertThat(maxSize).isLessThanOrEqualTo(total);
        for (var scope : store.scopes()) {
            assertThat(store.templates(scope).size()).isLessThanOrEqualTo(perExporter);
        }
        assertThat(evictions).hasSizeGreaterThan(300_000);
        assertThat(decoder.counters().missingTemplateSets()).isZero();
        assertThat(goodRecords).isEqualTo(200);
    }

    @Test
    void manyThreadsReadEveryRecordWithTheTemplateThatPrecededItInItsExportersStream() throws Exception {
        int threads = 4;
        int exportersPerThread = 16;
        int rounds = 300;
        TemplateStore store = TemplateStore.builder().lifetime(Duration.ZERO).build(); // shared by every thread
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong bad = new AtomicLong();
        List<Future<Long>> results = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            int thread = th;
            results.add(pool.submit(() -> {
                // one decoder per thread; each exporter belongs to one thread, so its stream stays in order
                IpfixDecoder decoder = new IpfixDecoder(DecoderOptions.builder().templateStore(store).build());
                long[] generation = new long[exportersPerThread];
                long count = 0;
                FlowRecordHandler<ExportContext> check = new FlowRecordHandler<ExportContext>() {
                    @Override
                    public void onRecord(ExportContext context, RecordView r) {
                        if (!consistent(r)) {
                            bad.incrementAndGet();
                        }
                    }
                };
                for (int round = 0; round < rounds; round++) {
                    for (int x = 0; x < exportersPerThread; x++) { // interleaved: one message per exporter in turn
                        InetSocketAddress from = new InetSocketAddress("10.2." + thread + "." + (x + 1), 4739);
                        IpfixMessageBuilder m = IpfixMessageBuilder.create().observationDomainId(x);
                        int step = (round + x) % 4;
                        if (round == 0 || step == 0) {
                            generation[x]++; // redefine both templates with a new layout
                            m.templates(layout(256, generation[x]), layout(257, generation[x] + 1));
                        } else if (step == 3 && round % 3 == 0) {
                            m.withdraw(257); // withdrawn; its data must not decode until it comes back
                            decoder.decode(m.toBuffer(), from, check);
                            m = IpfixMessageBuilder.create().observationDomainId(x).templates(layout(257, generation[x] + 1));
                        }
                        Template a = layout(256, generation[x]);
                        Template b = layout(257, generation[x] + 1);
                        m.data(record(a, generation[x], round), record(a, generation[x], round + 1))
                                .data(record(b, generation[x] + 1, round));
                        count += decoder.decode(m.toBuffer(), from, check);
                    }
                }
                return count;
            }));
        }
        long decoded = 0;
        for (Future<Long> f : results) {
            decoded += f.get();
        }
        pool.shutdown();
        assertThat(bad.get()).isZero();
        assertThat(decoded).isEqualTo((long) threads * exportersPerThread * rounds * 3);
    }
}
