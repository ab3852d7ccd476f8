package io.github.flowcodec.ipfix;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small test-side reader of the corpus's captures down to their UDP payloads: classic pcap (Ethernet,
 * Linux cooked v1) and pcapng; Ethernet with 802.1Q/QinQ; IPv4 and IPv6; UDP only (the BGP and BMP sessions in
 * pmacct's and NetGauze's captures are skipped). Only payloads that start with version 10 are kept.
 */
final class CorpusPcap {

    static final Path CORPUS = Path.of("../../shared/corpus");

    /** The UDP payload of one IPFIX datagram with its source. */
    record Datagram(int frame, InetSocketAddress from, byte[] payload) {
    }

    private CorpusPcap() {
    }

    private static int frames;

    static synchronized List<Datagram> read(Path file) throws IOException {
        frames = 0;
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Datagram> out = new ArrayList<>();
        int magic = b.getInt(0);
        if (magic == 0x0A0D0D0A) {
            List<Integer> linkTypes = new ArrayList<>();
            int pos = 0;
            while (pos + 12 <= b.limit()) {
                int type = b.getInt(pos);
                int len = b.getInt(pos + 4);
                if (type == 1) {
                    linkTypes.add(b.getShort(pos + 8) & 0xFFFF);
                } else if (type == 6) {
                    int iface = b.getInt(pos + 8);
                    int cap = b.getInt(pos + 20);
                    frame(linkTypes.get(iface), Arrays.copyOfRange(b.array(), pos + 28, pos + 28 + cap), out);
                }
                if (len < 12) {
                    break;
                }
                pos += len;
            }
            return out;
        }
        if (magic != 0xA1B2C3D4 && magic != 0xA1B23C4D) {
            throw new IOException(file + " is not a little-endian classic pcap");
        }
        int linkType = b.getInt(20);
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            int cap = b.getInt(pos + 8);
            frame(linkType, Arrays.copyOfRange(b.array(), pos + 16, Math.min(b.limit(), pos + 16 + cap)), out);
            pos += 16 + cap;
        }
        return out;
    }

    private static void frame(int linkType, byte[] f, List<Datagram> out) throws IOException {
        int frameNo = ++frames;
        ByteBuffer b = ByteBuffer.wrap(f);
        int pos;
        int etherType;
        if (linkType == 1) {
            pos = 12;
            etherType = b.getShort(pos) & 0xFFFF;
            while (etherType == 0x8100 || etherType == 0x88A8) {
                pos += 4;
                etherType = b.getShort(pos) & 0xFFFF;
            }
            pos += 2;
        } else if (linkType == 113) {
            etherType = b.getShort(14) & 0xFFFF;
            pos = 16;
        } else {
            throw new IOException("link type " + linkType + " not read by the test reader");
        }
        InetAddress src;
        int proto;
        if (etherType == 0x0800) {
            int ihl = (b.get(pos) & 0x0F) * 4;
            proto = b.get(pos + 9) & 0xFF;
            src = InetAddress.getByAddress(Arrays.copyOfRange(f, pos + 12, pos + 16));
            if ((b.getShort(pos + 6) & 0x3FFF) != 0) {
                return;
            }
            pos += ihl;
        } else if (etherType == 0x86DD) {
            proto = b.get(pos + 6) & 0xFF;
            src = InetAddress.getByAddress(Arrays.copyOfRange(f, pos + 8, pos + 24));
            pos += 40;
        } else {
            return;
        }
        if (proto != 17) {
            return;
        }
        int sport = b.getShort(pos) & 0xFFFF;
        int udpLength = b.getShort(pos + 4) & 0xFFFF;
        byte[] payload = Arrays.copyOfRange(f, pos + 8, Math.min(f.length, pos + udpLength));
        if (payload.length >= 2 && payload[0] == 0 && payload[1] == 10) {
            out.add(new Datagram(frameNo, new InetSocketAddress(src, sport), payload));
        }
    }
}
