package io.github.flowcodec.sflow;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The {@link SflowPacket#sampleInfos()} the decoder makes: the datagram's context once and each flow sample's
 * values packed in one array, an {@link SflowSampleInfo} made when one is asked for. Unmodifiable; equal to any list
 * of the same infos.
 *
 * <pre>{@code
 * SampleInfos.Gathering g = new SampleInfos.Gathering();
 * g.add(view);                              // for each flow sample of the datagram
 * List<SflowSampleInfo> infos = g.take(view);
 * }</pre>
 */
final class SampleInfos extends AbstractList<SflowSampleInfo> implements RandomAccess {

    /** Longs a sample: format, sequence, source type and index, rate, pool, drops, input and output format and value. */
    private static final int SAMPLE = 11;

    private final InetSocketAddress exporter;
    private final InetAddress agent;
    private final long subAgentId;
    private final long sequence;
    private final long uptime;
    private final long exportTime;
    private final long[] values;

    private SampleInfos(SflowSampleView v, long[] values) {
        this.exporter = v.exporter();
        this.agent = v.agentAddress();
        this.subAgentId = v.subAgentId();
        this.sequence = v.sequenceNumber();
        this.uptime = v.systemUptimeMillis();
        this.exportTime = v.exportTimeMillis();
        this.values = values;
    }

    @Override
    public SflowSampleInfo get(int index) {
        int k = SAMPLE * java.util.Objects.checkIndex(index, size());
        long[] a = values;
        return new SflowSampleInfo(exporter, agent, subAgentId, sequence, uptime, exportTime, (int) a[k], a[k + 1],
                (int) a[k + 2], a[k + 3], a[k + 4], a[k + 5], a[k + 6], (int) a[k + 7], a[k + 8], (int) a[k + 9], a[k + 10]);
    }

    @Override
    public int size() {
        return values.length / SAMPLE;
    }

    /** The values of a datagram's flow samples as the decoder meets them; reused. */
    static final class Gathering {
        private long[] values = new long[SAMPLE * 8];
        private int n;

        void clear() {
            n = 0;
        }

        /** The flow sample the view is on. */
        void add(SflowSampleView v) {
            long[] a = values;
            if (n + SAMPLE > a.length) {
                a = Arrays.copyOf(a, 2 * a.length);
                values = a;
            }
            int k = n;
            a[k] = v.sampleFormat();
            a[k + 1] = v.sampleSequenceNumber();
            a[k + 2] = v.sourceIdType();
            a[k + 3] = v.sourceIdIndex();
            a[k + 4] = v.samplingRate();
            a[k + 5] = v.samplePool();
            a[k + 6] = v.drops();
            a[k + 7] = v.inputInterfaceFormat();
            a[k + 8] = v.inputInterface();
            a[k + 9] = v.outputInterfaceFormat();
            a[k + 10] = v.outputInterface();
            n = k + SAMPLE;
        }

        /** The infos gathered, with the datagram context of the view, and clears. */
        SampleInfos take(SflowSampleView v) {
            SampleInfos s = new SampleInfos(v, Arrays.copyOf(values, n));
            n = 0;
            return s;
        }
    }
}
