package io.github.flowcodec.flowmessage;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowProtocol;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowSampleContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Export contexts as decoders hand them, with fixed values. */
final class TestContexts {

    static final long EXPORT_MILLIS = 1_700_000_000_000L;
    static final long UPTIME_MILLIS = 3_600_000L;

    private TestContexts() {
    }

    /** A NetFlow v9 or IPFIX packet from {@code exporter}, sequence 42, domain 7, sampled 1 in {@code rate}. */
    static ExportContext templated(FlowProtocol protocol, InetSocketAddress exporter, long rate) {
        return new ExportContext() {
            public FlowProtocol protocol() { return protocol; }
            public InetSocketAddress exporter() { return exporter; }
            public long sequenceNumber() { return 42; }
            public long exportTimeMillis() { return EXPORT_MILLIS; }
            public long systemUptimeMillis() { return protocol == FlowProtocol.IPFIX ? NO_TIME : UPTIME_MILLIS; }
            public long observationDomainId() { return 7; }
            public long samplingRate() { return rate; }
        };
    }

    /** An sFlow flow sample of {@code agent} (null: address type 0), received from {@code exporter}. */
    static SflowSampleContext sflow(InetAddress agent, InetSocketAddress exporter) {
        return new SflowSampleContext() {
            public FlowProtocol protocol() { return FlowProtocol.SFLOW_V5; }
            public InetSocketAddress exporter() { return exporter; }
            public long sequenceNumber() { return 418; }
            public long exportTimeMillis() { return NO_TIME; }
            public long systemUptimeMillis() { return UPTIME_MILLIS; }
            public long observationDomainId() { return 1; }
            public long samplingRate() { return 2048; }
            public InetAddress agentAddress() { return agent; }
            public int agentAddressType() { return agent == null ? Sflow.ADDRESS_UNKNOWN : Sflow.ADDRESS_IPV4; }
            public long subAgentId() { return 1; }
            public int sampleFormat() { return Sflow.SAMPLE_FLOW; }
            public long sampleSequenceNumber() { return 6; }
            public int sourceIdType() { return 0; }
            public long sourceIdIndex() { return 1048; }
            public long samplePool() { return 0; }
            public long drops() { return 0; }
            public int inputInterfaceFormat() { return 0; }
            public long inputInterface() { return 1048; }
            public int outputInterfaceFormat() { return 0; }
            public long outputInterface() { return 1043; }
        };
    }
}
