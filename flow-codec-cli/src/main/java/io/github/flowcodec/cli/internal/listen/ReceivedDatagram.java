package io.github.flowcodec.cli.internal.listen;

import java.net.InetSocketAddress;

/** One datagram as received: its bytes (a copy), where it came from and when (epoch nanoseconds). */
record ReceivedDatagram(byte[] payload, InetSocketAddress from, long receivedNanos) {
}
