package io.github.flowcodec.fuzz;

import static io.github.flowcodec.fuzz.FuzzSupport.EXPORTER;
import static io.github.flowcodec.fuzz.FuzzSupport.buffer;
import static io.github.flowcodec.fuzz.FuzzSupport.datagrams;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeMaterialized;
import static io.github.flowcodec.fuzz.FuzzSupport.options;
import static io.github.flowcodec.fuzz.FuzzSupport.timed;
import static io.github.flowcodec.fuzz.FuzzSupport.touchException;
import static io.github.flowcodec.fuzz.FuzzSupport.touchFields;
import static io.github.flowcodec.fuzz.FuzzSupport.touchPacket;
import static io.github.flowcodec.fuzz.FuzzSupport.touchView;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowCodecException;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowRecordHandler;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.ipfix.BasicListView;
import io.github.flowcodec.ipfix.IpfixContext;
import io.github.flowcodec.ipfix.IpfixDecoder;
import io.github.flowcodec.ipfix.IpfixFileReader;
import io.github.flowcodec.ipfix.IpfixMessage;
import io.github.flowcodec.ipfix.IpfixStreamDecoder;
import io.github.flowcodec.ipfix.SubTemplateListView;
import io.github.flowcodec.ipfix.SubTemplateMultiListView;
import io.github.flowcodec.ipfix.TemplateLookup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * IPFIX: UDP datagrams of one exporter (as for v9), and byte streams (TCP / RFC 5655 files) cut into reads
 * of every size. List fields (RFC 6313 basicList, subTemplateList, subTemplateMultiList) are walked through
 * their views and materialized.
 */
class IpfixFuzzTest {

    private static final InformationElementRegistry REGISTRY = InformationElementRegistry.standard();

    /** Several datagrams (u16 length, bytes, ...): strict and lenient, zero-copy and materialized. */
    @FuzzTest
    void decode(byte[] input) {
        List<byte[]> datagrams = datagrams(input);
        for (DecodeMode mode : DecodeMode.values()) {
            IpfixDecoder zeroCopy = new IpfixDecoder(options(mode));
            IpfixDecoder materialized = mode == DecodeMode.LENIENT
                    ? new IpfixDecoder(options(mode).toBuilder().maxPendingSets(4).maxPendingBytes(4096).build())
                    : new IpfixDecoder(options(mode));
            int i = 0;
            for (byte[] d : datagrams) {
                boolean direct = (i++ & 1) == 1;
                timed("ipfix zero-copy " + mode, () -> zeroCopy.decode(buffer(d, direct), EXPORTER, new ListTouchingHandler()));
                timed("ipfix materialized " + mode, () -> touchMessage((IpfixMessage) decodeMaterialized(materialized, buffer(d, direct))));
            }
            bounded(zeroCopy, DecoderOptions.DEFAULT_MAX_PENDING_SETS);
            bounded(materialized, mode == DecodeMode.LENIENT ? 4 : DecoderOptions.DEFAULT_MAX_PENDING_SETS);
        }
    }

    /**
     * A byte stream: the first input byte seeds the sizes of the reads, the rest is the stream. The stream
     * decoder gets it in chunks (zero-copy, then materialized); the RFC 5655 file reader through an input
     * stream that returns short reads.
     */
    @FuzzTest
    void stream(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int seed = input[0] & 0xFF;
        byte[] stream = Arrays.copyOfRange(input, 1, input.length);
        for (DecodeMode mode : DecodeMode.values()) {
            for (boolean materialized : new boolean[] {false, true}) {
                IpfixStreamDecoder decoder = new IpfixStreamDecoder(new IpfixDecoder(options(mode)), EXPORTER);
                Chunks chunks = new Chunks(seed);
                timed("ipfix stream " + mode, () -> {
                    int p = 0;
                    while (p < stream.length) {
                        int n = Math.min(chunks.next(), stream.length - p);
                        ByteBuffer chunk = buffer(Arrays.copyOfRange(stream, p, p + n), (p & 1) == 1);
                        p += n;
                        while (chunk.hasRemaining()) {
                            int before = chunk.position();
                            try {
                                if (materialized) {
                                    for (IpfixMessage m : decoder.feed(chunk)) {
                                        touchMessage(m);
                                    }
                                } else {
                                    decoder.feed(chunk, new ListTouchingHandler());
                                }
                                if (chunk.hasRemaining()) {
                                    throw new AssertionError("feed returned with " + chunk.remaining() + " bytes of a chunk left");
                                }
                            } catch (FlowCodecException e) {
                                // a message rejected (the rest of the chunk is fed again) or the stream out of step
                                touchException(e);
                                if (chunk.position() == before) {
                                    break;
                                }
                            }
                        }
                    }
                    decoder.buffered();
                    decoder.offset();
                    decoder.messages();
                    if (decoder.buffered() > 65535) {
                        throw new AssertionError(decoder.buffered() + " bytes buffered");
                    }
                });
            }
            IpfixDecoder fileDecoder = new IpfixDecoder(options(mode));
            timed("ipfix file " + mode, () -> {
                try (IpfixFileReader reader = new IpfixFileReader(new ShortReads(stream, new Chunks(seed)))) {
                    reader.decode(fileDecoder, new ListTouchingHandler());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            timed("ipfix file materialized " + mode, () -> {
                try (IpfixFileReader reader = new IpfixFileReader(new ByteArrayInputStream(stream))) {
                    for (IpfixMessage m : reader.decodeAll(new IpfixDecoder(options(mode)))) {
                        touchMessage(m);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void bounded(IpfixDecoder decoder, int pendingSets) {
        decoder.statistics();
        decoder.counters().toString();
        if (decoder.pendingSets() > pendingSets) {
            throw new AssertionError(decoder.pendingSets() + " sets pending, over the bound of " + pendingSets);
        }
        if (decoder.templateStore().size() > 4096) {
            throw new AssertionError(decoder.templateStore().size() + " templates stored");
        }
    }

    static void touchMessage(IpfixMessage m) {
        m.header().toString();
        m.templates().forEach(t -> m.template(t.id()));
        for (int i = 0; i < m.records().size(); i++) {
            m.samplingRate(i);
            touchLists(m.records().get(i), m, 0);
        }
        for (FlowRecord r : m.optionsRecords()) {
            touchLists(r, m, 0);
        }
        m.releasedPackets().forEach(p -> {
            for (FlowRecord r : p.records()) {
                touchLists(r, p instanceof TemplateLookup l ? l : m, 0);
            }
        });
    }

    /** Walks every list field of a record through its view and materializes it, to a bounded depth. */
    static void touchLists(FlowFields r, TemplateLookup lookup, int depth) {
        if (depth > 3) {
            return;
        }
        for (int i = 0; i < r.fieldCount(); i++) {
            DataType type = r.template().field(i).element().dataType();
            try {
                switch (type) {
                    case BASIC_LIST: {
                        BasicListView v = new BasicListView().wrap(r, i, REGISTRY);
                        v.semanticCode();
                        v.element();
                        v.elementLength();
                        for (int k = 0; k < v.size(); k++) {
                            touchFields(v.get(k));
                        }
                        v.toList().toBytes();
                        break;
                    }
                    case SUB_TEMPLATE_LIST: {
                        SubTemplateListView v = new SubTemplateListView().wrap(r, i, lookup);
                        v.semanticCode();
                        v.depth();
                        if (v.template().isPresent()) {
                            for (int k = 0; k < v.size(); k++) {
                                RecordView e = v.record(k);
                                touchFields(e);
                                touchLists(e.toRecord(), lookup, depth + 1);
                            }
                            v.toList().toBytes();
                        }
                        break;
                    }
                    case SUB_TEMPLATE_MULTI_LIST: {
                        SubTemplateMultiListView v = new SubTemplateMultiListView().wrap(r, i, lookup);
                        v.semanticCode();
                        boolean allKnown = true;
                        for (int e = 0; e < v.size(); e++) {
                            v.templateId(e);
                            if (v.template(e).isEmpty()) {
                                allKnown = false;
                                continue;
                            }
                            for (int k = 0; k < v.recordCount(e); k++) {
                                RecordView rv = v.record(e, k);
                                touchFields(rv);
                                touchLists(rv.toRecord(), lookup, depth + 1);
                            }
                        }
                        if (allKnown) {
                            v.toList().toBytes();
                        }
                        break;
                    }
                    default:
                }
            } catch (FlowCodecException malformedList) {
                touchException(malformedList);
            }
        }
    }

    /** Reads every field and walks every list of each record handed over on the zero-copy path. */
    static final class ListTouchingHandler implements FlowRecordHandler<ExportContext> {
        @Override
        public void onRecord(ExportContext context, RecordView record) {
            touchView(context, record);
            IpfixContext ctx = (IpfixContext) context;
            touchLists(record, ctx, 0);
        }

        @Override
        public void onOptionsRecord(ExportContext context, RecordView record) {
            touchView(context, record);
            touchLists(record, (IpfixContext) context, 0);
        }
    }

    /** Read sizes from a small deterministic generator: mostly small, sometimes large. */
    static final class Chunks {
        private int state;

        Chunks(int seed) {
            this.state = seed + 1;
        }

        int next() {
            state = state * 1103515245 + 12345;
            int r = (state >>> 16) & 0x7FFF;
            switch (r & 3) {
                case 0: return 1 + (r >>> 2) % 4;
                case 1: return 1 + (r >>> 2) % 64;
                case 2: return 1 + (r >>> 2) % 1500;
                default: return 1 + (r >>> 2) % 8192;
            }
        }
    }

    /** An input stream that never returns more bytes than the next chunk size. */
    static final class ShortReads extends InputStream {
        private final byte[] bytes;
        private final Chunks chunks;
        private int p;

        ShortReads(byte[] bytes, Chunks chunks) {
            this.bytes = bytes;
            this.chunks = chunks;
        }

        @Override
        public int read() {
            return p < bytes.length ? bytes[p++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (p >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunks.next()), bytes.length - p);
            System.arraycopy(bytes, p, b, off, n);
            p += n;
            return n;
        }
    }
}
