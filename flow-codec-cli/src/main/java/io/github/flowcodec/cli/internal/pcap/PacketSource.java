package io.github.flowcodec.cli.internal.pcap;

import java.io.IOException;

/** One capture container format, read packet by packet. */
interface PacketSource {

    /** The container format this source reads. */
    CaptureFormat format();

    /**
     * Reads the next packet.
     *
     * @param packetNumber the 1-based number to give the packet
     * @return the packet, or null at the end of the file
     * @throws CaptureFormatException if the file is truncated or corrupt
     * @throws IOException if reading fails
     */
    CapturedPacket next(long packetNumber) throws IOException;
}
