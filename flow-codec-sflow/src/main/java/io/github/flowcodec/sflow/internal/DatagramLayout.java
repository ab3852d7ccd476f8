package io.github.flowcodec.sflow.internal;

import io.github.flowcodec.sflow.Sflow;

/**
 * Where the fields of an sFlow v5 datagram header, of a sample header and of a sampled header record lie: the
 * offsets the decoder and the views read at and the encoder and the datagram builder write in this order. All
 * are byte offsets from the start of their structure (for the header words after the agent address, from the
 * end of the address).
 *
 * <pre>{@code
 * int p = base + DatagramLayout.AGENT_ADDRESS + addressLength;
 * long sequence = buf.getInt(p + DatagramLayout.SEQUENCE_NUMBER) & 0xFFFF_FFFFL;
 * int samplesAt = p + DatagramLayout.AFTER_ADDRESS_LENGTH;
 * }</pre>
 */
public final class DatagramLayout {

    private DatagramLayout() {
    }

    // ------------------------------------------------------------------ datagram header

    /** The version word (5). */
    public static final int VERSION = 0;
    /** The agent address type word ({@link Sflow#ADDRESS_UNKNOWN}, {@link Sflow#ADDRESS_IPV4}, {@link Sflow#ADDRESS_IPV6}). */
    public static final int AGENT_ADDRESS_TYPE = 4;
    /** The agent address: 0, 4 or 16 bytes. */
    public static final int AGENT_ADDRESS = 8;
    /** After the agent address: the sub-agent id. */
    public static final int SUB_AGENT_ID = 0;
    /** After the agent address: the datagram sequence number. */
    public static final int SEQUENCE_NUMBER = 4;
    /** After the agent address: the uptime in milliseconds. */
    public static final int UPTIME = 8;
    /** After the agent address: the number of samples. */
    public static final int SAMPLE_COUNT = 12;
    /** The bytes of the header words after the agent address. */
    public static final int AFTER_ADDRESS_LENGTH = 16;

    /** The length of the agent address of this type, or -1 for a type that is none of 0, 1 and 2. */
    public static int addressLength(int addressType) {
        return addressType == Sflow.ADDRESS_IPV4 ? 4 : addressType == Sflow.ADDRESS_IPV6 ? 16
                : addressType == Sflow.ADDRESS_UNKNOWN ? 0 : -1;
    }

    /** The length of a datagram header with an agent address of this length. */
    public static int headerLength(int addressLength) {
        return AGENT_ADDRESS + addressLength + AFTER_ADDRESS_LENGTH;
    }

    // ------------------------------------------------------------------ samples and records

    /** A sample or record: its data format word. */
    public static final int ENTRY_FORMAT = 0;
    /** A sample or record: its data length word. */
    public static final int ENTRY_LENGTH = 4;
    /** A sample or record: where its data starts. */
    public static final int ENTRY_DATA = 8;

    /** Every standard sample: the sample sequence number. */
    public static final int SAMPLE_SEQUENCE = 0;
    /** Compact samples: the source id (type in the top byte, index in the low 24 bits); expanded: its type. */
    public static final int SAMPLE_SOURCE_ID = 4;
    /** Expanded samples: the source id index. */
    public static final int EXPANDED_SOURCE_INDEX = 8;
    /** Compact flow sample: the sampling rate. */
    public static final int FLOW_SAMPLING_RATE = 8;
    /** Compact flow sample: the sample pool. */
    public static final int FLOW_SAMPLE_POOL = 12;
    /** Compact flow sample: the drops. */
    public static final int FLOW_DROPS = 16;
    /** Compact flow sample: the input interface (format in the top 2 bits). */
    public static final int FLOW_INPUT = 20;
    /** Compact flow sample: the output interface (format in the top 2 bits). */
    public static final int FLOW_OUTPUT = 24;
    /** Expanded flow sample: the sampling rate. */
    public static final int EXPANDED_FLOW_SAMPLING_RATE = 12;
    /** Expanded flow sample: the sample pool. */
    public static final int EXPANDED_FLOW_SAMPLE_POOL = 16;
    /** Expanded flow sample: the drops. */
    public static final int EXPANDED_FLOW_DROPS = 20;
    /** Expanded flow sample: the input interface format. */
    public static final int EXPANDED_FLOW_INPUT_FORMAT = 24;
    /** Expanded flow sample: the input interface value. */
    public static final int EXPANDED_FLOW_INPUT = 28;
    /** Expanded flow sample: the output interface format. */
    public static final int EXPANDED_FLOW_OUTPUT_FORMAT = 32;
    /** Expanded flow sample: the output interface value. */
    public static final int EXPANDED_FLOW_OUTPUT = 36;
    /** The header of a compact flow sample, before its record count. */
    public static final int FLOW_HEADER = 28;
    /** The header of an expanded flow sample, before its record count. */
    public static final int EXPANDED_FLOW_HEADER = 40;
    /** The header of a compact counter sample, before its record count. */
    public static final int COUNTER_HEADER = 8;
    /** The header of an expanded counter sample, before its record count. */
    public static final int EXPANDED_COUNTER_HEADER = 12;
    /** The header of a discarded packet event (0:5), before its record count. */
    public static final int DISCARDED_HEADER = 28;

    /** The header of a standard sample of format 1 to 4, before its record count. */
    public static int sampleHeaderLength(int format) {
        switch (format) {
            case Sflow.SAMPLE_FLOW: return FLOW_HEADER;
            case Sflow.SAMPLE_EXPANDED_FLOW: return EXPANDED_FLOW_HEADER;
            case Sflow.SAMPLE_COUNTER: return COUNTER_HEADER;
            default: return EXPANDED_COUNTER_HEADER;
        }
    }

    /** Sampled header record (0:1): the header protocol. */
    public static final int RAW_HEADER_PROTOCOL = 0;
    /** Sampled header record: the frame length. */
    public static final int RAW_FRAME_LENGTH = 4;
    /** Sampled header record: the bytes stripped. */
    public static final int RAW_STRIPPED = 8;
    /** Sampled header record: the header length. */
    public static final int RAW_HEADER_LENGTH = 12;
    /** Sampled header record: the header bytes. */
    public static final int RAW_HEADER = 16;
}
