/**
 * Dependency-free reading and writing of packet captures for the {@code flowcodec} command.
 *
 * <p>{@link io.github.flowcodec.cli.internal.pcap.CaptureReader} reads classic pcap and pcapng
 * files lazily, {@link io.github.flowcodec.cli.internal.pcap.UdpDatagramExtractor} pulls the UDP
 * datagram out of a captured frame, {@link
 * io.github.flowcodec.cli.internal.pcap.FragmentReassembler} does the same across the frames of a
 * capture, reassembling IP-fragmented datagrams, and {@link
 * io.github.flowcodec.cli.internal.pcap.PcapWriter} writes UDP datagrams into a classic pcap file.
 * This package is internal to the command line tool and is not a supported API.
 */
package io.github.flowcodec.cli.internal.pcap;
