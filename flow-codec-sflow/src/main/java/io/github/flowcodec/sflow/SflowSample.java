package io.github.flowcodec.sflow;

/**
 * One sample of an sFlow datagram: a {@link FlowSample} (packet sample, compact or expanded), a
 * {@link CounterSample} (compact or expanded), a {@link DiscardedPacket} event or an {@link UnknownSample}
 * kept as its bytes.
 *
 * <pre>{@code
 * for (SflowSample s : datagram.samples()) {
 *     switch (s) {
 *         case FlowSample f -> flows(f);
 *         case CounterSample c -> counters(c);
 *         case DiscardedPacket d -> drops(d);
 *         case UnknownSample u -> log.debug("sample {}:{} of {} bytes", u.enterprise(), u.format(), u.data().length);
 *     }
 * }
 * }</pre>
 * (With Java 17 use {@code instanceof} patterns; the switch above needs Java 21.)
 */
public sealed interface SflowSample permits FlowSample, CounterSample, DiscardedPacket, UnknownSample {

    /**
     * The enterprise of the sample's data format (0 for the standard samples).
     *
     * @return the top 20 bits of the sample's data_format, 0 for sFlow.org's samples
     */
    long enterprise();

    /**
     * The format of the sample's data format (1 to 5 for the standard samples).
     *
     * @return the low 12 bits of the sample's data_format: 1 flow, 2 counter, 3 expanded flow, 4 expanded counter, 5
     *     discarded packet
     */
    int format();
}
