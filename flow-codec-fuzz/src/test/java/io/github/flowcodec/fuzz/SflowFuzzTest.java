package io.github.flowcodec.fuzz;

import static io.github.flowcodec.fuzz.FuzzSupport.EXPORTER;
import static io.github.flowcodec.fuzz.FuzzSupport.buffer;
import static io.github.flowcodec.fuzz.FuzzSupport.checkUntouched;
import static io.github.flowcodec.fuzz.FuzzSupport.datagrams;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeMaterialized;
import static io.github.flowcodec.fuzz.FuzzSupport.decodeZeroCopy;
import static io.github.flowcodec.fuzz.FuzzSupport.options;
import static io.github.flowcodec.fuzz.FuzzSupport.timed;
import static io.github.flowcodec.fuzz.FuzzSupport.touchContext;
import static io.github.flowcodec.fuzz.FuzzSupport.touchFields;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.sflow.FlowData;
import io.github.flowcodec.sflow.SampledHeaderView;
import io.github.flowcodec.sflow.SflowDatagram;
import io.github.flowcodec.sflow.SflowDecoder;
import io.github.flowcodec.sflow.SflowEncoder;
import io.github.flowcodec.sflow.SflowPacket;
import io.github.flowcodec.sflow.SflowRecordView;
import io.github.flowcodec.sflow.SflowSampleHandler;
import io.github.flowcodec.sflow.SflowSampleView;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * sFlow v5: several datagrams per input ({@link FuzzSupport#datagrams}), so sequence tracking per agent and
 * data source sees a run of them. Every datagram goes through the four paths (flow records zero-copy,
 * materialized {@link SflowPacket}, the sample handler walking every record, the typed
 * {@link SflowDatagram}), strict and lenient; a datagram the strict decoder accepts is re-encoded and must
 * decode to the same typed datagram. Each datagram is also parsed as a sampled packet header: its first byte
 * is the header protocol (1 Ethernet, 11 IPv4, 12 IPv6, ...), the rest the frame.
 */
class SflowFuzzTest {

    @FuzzTest
    void decode(byte[] input) {
        List<byte[]> datagrams = datagrams(input);
        for (DecodeMode mode : DecodeMode.values()) {
            SflowDecoder decoder = new SflowDecoder(options(mode));
            int i = 0;
            for (byte[] d : datagrams) {
                boolean direct = (i++ & 1) == 1;
                timed("sflow zero-copy " + mode, () -> decodeZeroCopy(decoder, buffer(d, direct)));
                timed("sflow materialized " + mode, () -> {
                    SflowPacket p = (SflowPacket) decodeMaterialized(decoder, buffer(d, direct));
                    for (FlowRecord r : p.records()) {
                        p.samplingRate(r);
                    }
                    p.sampleInfos().forEach(Object::toString);
                });
                timed("sflow samples " + mode, () -> {
                    ByteBuffer b = buffer(d, direct);
                    int position = b.position();
                    decoder.decode(b, EXPORTER, new TouchingSampleHandler());
                    checkUntouched(b, position, b.limit());
                });
                timed("sflow typed " + mode, () -> {
                    SflowDatagram typed = decoder.decodeDatagram(buffer(d, direct));
                    typed.toString();
                    if (mode == DecodeMode.STRICT) {
                        byte[] again = SflowEncoder.toBytes(typed);
                        SflowDatagram back = new SflowDecoder().decodeDatagram(ByteBuffer.wrap(again));
                        if (!back.equals(typed)) {
                            throw new AssertionError("re-encoded datagram decodes differently:\n" + typed + "\n" + back);
                        }
                    }
                });
            }
            decoder.statistics();
            decoder.counters().toString();
            decoder.sequenceStates().forEach(Object::toString);
        }
        for (byte[] d : datagrams) {
            if (d.length > 0) {
                timed("sampled header", () -> sampledHeader(d));
            }
        }
    }

    /** The first byte is the header protocol, the rest a sampled frame. */
    static void sampledHeader(byte[] d) {
        SampledHeaderView h = new SampledHeaderView().parse(buffer(d, false), 1, d.length - 1, d[0] & 0xFF);
        touchHeader(h);
        touchHeader(new FlowData.RawPacketHeader(d[0] & 0xFF, d.length - 1, 0,
                java.util.Arrays.copyOfRange(d, 1, d.length)).parse());
    }

    static void touchHeader(SampledHeaderView h) {
        h.toString();
        h.headerProtocol();
        h.problem();
        if (h.hasEthernet()) {
            h.sourceMac();
            h.destinationMac();
        }
        if (h.hasEthernetType()) {
            h.ethernetType();
        }
        for (int v = 0; v < h.vlanCount(); v++) {
            h.vlanId(v);
            h.vlanPriority(v);
        }
        for (int m = 0; m < h.mplsLabelCount(); m++) {
            h.mplsLabelStackEntry(m);
        }
        h.ipVersion();
        h.ipOffset();
        h.transportOffset();
        if (h.hasSourceAddress()) {
            h.sourceAddress();
        }
        if (h.hasDestinationAddress()) {
            h.destinationAddress();
        }
        if (h.hasProtocol()) {
            h.protocol();
        }
        if (h.hasFirstNextHeader()) {
            h.firstNextHeader();
        }
        h.extensionHeaderCount();
        if (h.hasTos()) {
            h.tos();
        }
        if (h.hasTtl()) {
            h.ttl();
        }
        if (h.hasFlowLabel()) {
            h.flowLabel();
        }
        if (h.hasFragment()) {
            h.fragmentId();
            h.fragmentOffset();
            h.moreFragments();
        }
        if (h.hasPorts()) {
            h.sourcePort();
            h.destinationPort();
        }
        if (h.hasTcpFlags()) {
            h.tcpFlags();
        }
        if (h.hasIcmp()) {
            h.icmpType();
            h.icmpCode();
        }
    }

    /** Walks every sample and every record of it through the views, and copies each. */
    static final class TouchingSampleHandler implements SflowSampleHandler {
        @Override
        public void onFlowSample(SflowSampleView sample) {
            touchSample(sample);
            FlowRecord r = sample.toFlowRecord();
            if (r != null) {
                touchFields(r);
            }
        }

        @Override
        public void onCounterSample(SflowSampleView sample) {
            touchSample(sample);
        }

        @Override
        public void onOtherSample(SflowSampleView sample) {
            touchSample(sample);
        }

        private static void touchSample(SflowSampleView s) {
            touchContext(s);
            s.dataFormat();
            s.enterprise();
            s.format();
            s.isStandard();
            s.dataOffset();
            s.dataLength();
            s.agentAddress();
            s.agentAddressType();
            s.subAgentId();
            s.sampleFormat();
            s.sampleSequenceNumber();
            s.sourceIdType();
            s.sourceIdIndex();
            s.samplePool();
            s.drops();
            s.inputInterfaceFormat();
            s.inputInterface();
            s.outputInterfaceFormat();
            s.outputInterface();
            s.toString();
            s.toInfo().toString();
            SflowRecordView r = s.records();
            int n = 0;
            while (r.next()) {
                n++;
                r.dataFormat();
                r.enterprise();
                r.format();
                r.offset();
                int len = r.length();
                for (int p = 0; p + 4 <= len && p < 64; p += 4) {
                    r.u32(p);
                }
                if (len >= 8) {
                    r.u64(0);
                }
                r.toString();
                if (r.isFlowRecord()) {
                    if (r.isStandard(1)) {
                        touchHeader(r.sampledHeader());
                        if (len >= 8) {
                            r.headerProtocol();
                            r.frameLength();
                        }
                    }
                    r.toFlowData().toString();
                } else {
                    r.toCounterData().toString();
                }
            }
            if (n != s.recordCount()) {
                throw new AssertionError("walked " + n + " records of a sample of " + s.recordCount());
            }
            s.toSample().toString();
        }
    }
}
