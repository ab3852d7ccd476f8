package io.github.flowcodec.cli.internal.pcap;

/** The container format of a capture file, as detected from its first bytes. */
public enum CaptureFormat {
    /** The classic libpcap format, with microsecond or nanosecond timestamps, either byte order. */
    PCAP,
    /** The pcapng block format, possibly holding several sections of either byte order. */
    PCAPNG
}
