package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.Bytes;
import io.github.flowcodec.sflow.internal.SequenceTracker;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link SflowDecoder}'s sequence tracking: the datagram sequence per agent and sub-agent, the sample sequence
 * per agent, sub-agent, sample kind and data source. The agent's key is read once per datagram and shared by its
 * samples; each tracker goes straight to a recently updated key's slot. One per decoder.
 */
final class SflowSequences {

    final SequenceTracker datagrams;
    final SequenceTracker samples;
    private long agentHi;
    private long agentLo;
    private long agentKey;

    SflowSequences(int maxAgents, int maxSources) {
        datagrams = new SequenceTracker(maxAgents);
        samples = new SequenceTracker(maxSources);
    }

    /** A datagram of {@code sequence} from the agent whose {@code addressLength}-byte address is at {@code at} of {@code a}. */
    void datagram(byte[] a, int at, int addressLength, int agentType, long subAgent, long sequence) {
        agentHi = addressLength == 16 ? Bytes.i64(a, at) : 0;
        agentLo = addressLength == 16 ? Bytes.i64(a, at + 8) : addressLength == 4 ? Bytes.u32(a, at) : 0;
        agentKey = (long) agentType << 32 | subAgent;
        datagrams.update(agentHi, agentLo, agentKey, 0, sequence);
    }

    /** A flow or counter sample of {@code sequence} from a data source of the datagram's agent. */
    void sample(boolean flow, int sourceIdType, long sourceIdIndex, long sequence) {
        samples.update(agentHi, agentLo, agentKey | (flow ? 1L : 2L) << 40, (long) sourceIdType << 32 | sourceIdIndex, sequence);
    }

    /** Every tracked sequence: datagram sequences first, then sample sequences. */
    List<SflowSequenceState> states() {
        List<SflowSequenceState> out = new ArrayList<>();
        for (SequenceTracker.Entry e : datagrams.entries()) {
            out.add(SflowSequenceState.of(e, 0));
        }
        for (SequenceTracker.Entry e : samples.entries()) {
            out.add(SflowSequenceState.of(e, (int) (e.k2() >>> 40) == 1 ? Sflow.SAMPLE_FLOW : Sflow.SAMPLE_COUNTER));
        }
        return out;
    }
}
