package io.github.flowcodec.sflow.internal;

import static io.github.flowcodec.sflow.internal.FlowTemplates.*;

import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.InformationElement;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.sflow.SampledHeaderView;
import io.github.flowcodec.sflow.Sflow;
import io.github.flowcodec.sflow.SflowSampleView;
import java.nio.ByteBuffer;

/**
 * Maps a flow sample onto a flow record of IANA elements: fills a reused scratch array with the values
 * found in the sample's records and wraps a reused {@link RecordView} over it, on a template chosen by
 * which values are present (so absent values never show up as zeros). Templates are made once per
 * combination and cached; nothing is allocated per sample in steady state. The decoder's implementation,
 * not API (its package is not exported); {@code SflowDecoder}'s Javadoc documents the mapping.
 */
public final class FlowMapper {

    /** What the mapper needs from its decoder: the sampled-header parser and the place to report a fault. */
    public interface Host {
        /** Parses the sampled header of a raw packet header record of {@code length} bytes at {@code offset}. */
        SampledHeaderView parseRawHeader(byte[] a, int shift, int offset, int length, int base, SampledHeaderView into);

        /** A record's content did not parse: throws in strict mode, reports in lenient mode. */
        void contentProblem(ContentException e, int base);
    }

    public static final InformationElement INGRESS_INTERFACE = Iana.INGRESS_INTERFACE;
    public static final InformationElement EGRESS_INTERFACE = Iana.EGRESS_INTERFACE;
    public static final InformationElement SAMPLING_INTERVAL = Iana.SAMPLING_INTERVAL;
    public static final InformationElement SAMPLE_POOL = Iana.SELECTOR_ID_TOTAL_PKTS_OBSERVED;
    public static final InformationElement DROPS = Iana.DROPPED_PACKET_TOTAL_COUNT;
    public static final InformationElement PACKETS = Iana.PACKET_DELTA_COUNT;
    public static final InformationElement OCTETS = Iana.OCTET_DELTA_COUNT;
    public static final InformationElement SRC_MAC = Iana.SOURCE_MAC_ADDRESS;
    public static final InformationElement DST_MAC = Iana.DESTINATION_MAC_ADDRESS;
    public static final InformationElement ETHERNET_TYPE = Iana.ETHERNET_TYPE;
    public static final InformationElement DOT1Q_VLAN = Iana.DOT1Q_VLAN_ID;
    public static final InformationElement DOT1Q_CUSTOMER_VLAN = Iana.DOT1Q_CUSTOMER_VLAN_ID;
    public static final InformationElement VLAN = Iana.VLAN_ID;
    public static final InformationElement POST_VLAN = Iana.POST_VLAN_ID;
    public static final InformationElement SRC_IPV4 = Iana.SOURCE_IPV4_ADDRESS;
    public static final InformationElement DST_IPV4 = Iana.DESTINATION_IPV4_ADDRESS;
    public static final InformationElement SRC_IPV6 = Iana.SOURCE_IPV6_ADDRESS;
    public static final InformationElement DST_IPV6 = Iana.DESTINATION_IPV6_ADDRESS;
    public static final InformationElement FLOW_LABEL = Iana.FLOW_LABEL_IPV6;
    public static final InformationElement IP_VERSION = Iana.IP_VERSION;
    public static final InformationElement PROTOCOL = Iana.PROTOCOL_IDENTIFIER;
    public static final InformationElement TOS = Iana.IP_CLASS_OF_SERVICE;
    public static final InformationElement TTL = Iana.IP_TTL;
    public static final InformationElement FRAGMENT_ID = Iana.FRAGMENT_IDENTIFICATION;
    public static final InformationElement FRAGMENT_OFFSET = Iana.FRAGMENT_OFFSET;
    public static final InformationElement SRC_PORT = Iana.SOURCE_TRANSPORT_PORT;
    public static final InformationElement DST_PORT = Iana.DESTINATION_TRANSPORT_PORT;
    public static final InformationElement TCP_FLAGS = Iana.TCP_CONTROL_BITS;
    public static final InformationElement ICMP_V4 = Iana.ICMP_TYPE_CODE_IPV4;
    public static final InformationElement ICMP_V6 = Iana.ICMP_TYPE_CODE_IPV6;
    public static final InformationElement NEXT_HOP_V4 = Iana.IP_NEXT_HOP_IPV4_ADDRESS;
    public static final InformationElement NEXT_HOP_V6 = Iana.IP_NEXT_HOP_IPV6_ADDRESS;
    public static final InformationElement SRC_AS = Iana.BGP_SOURCE_AS_NUMBER;
    public static final InformationElement DST_AS = Iana.BGP_DESTINATION_AS_NUMBER;

    private static final int CACHE = 64;
    /**
     * Where the record starts in the scratch array: {@link RecordView#getLong} reads the 8 bytes that end where a
     * field ends, so the fields of a record's first 8 bytes need 8 bytes before it (else they take the slow path).
     */
    static final int AT = 8;

    private final Host decoder;
    final byte[] scratch = new byte[AT + 256];
    private final ByteBuffer out = ByteBuffer.wrap(scratch);
    private final SampledHeaderView header = new SampledHeaderView();
    /** The sample's raw header when it is a common one, mapped from its bytes; {@link #header} is then parsed when asked for. */
    private final CommonHeader common = new CommonHeader();
    private boolean commonHeaders = true;
    /** Whether {@link #common} is on the sample's header, and whether {@link #header} holds it parsed. */
    private boolean isCommon;
    private boolean parsed;
    /** The raw header record the view is parsed from when asked for: the datagram's array, shift, offset, length, base. */
    private byte[] rawArray;
    private int rawShift;
    private int rawOffset;
    private int rawLength;
    private int rawBase;
    private final int[] cacheKeys = new int[CACHE];
    /** Per cache slot, a view wrapped once around the scratch array on that slot's template. */
    private final RecordView[] cacheViews = new RecordView[CACHE];

    // values gathered from the records of one sample
    private boolean haveHeader;
    /** Which sample {@link #header} was parsed for: the array the datagram was read from and the sample's data offset. */
    private byte[] headerArray;
    private int headerSample;
    long frameLength;
    private boolean ethRecord;
    private long ethLength;
    private long ethSrc;
    private long ethDst;
    private int ethType;
    private int dataFamily;
    private long dataLength;
    private int dataProto;
    private int dataTos;
    private int dataSrcPort;
    private int dataDstPort;
    private int dataTcpFlags;
    private final byte[] dataSrc = new byte[16];
    private final byte[] dataDst = new byte[16];
    private final byte[] v6 = new byte[16];
    boolean sw;
    long inVlan;
    long outVlan;
    int nextHopFamily;
    final byte[] nextHop = new byte[16];
    boolean gateway;
    long srcAs;
    long dstAs;

    public FlowMapper(Host decoder) {
        this.decoder = decoder;
        java.util.Arrays.fill(cacheKeys, -1);
    }

    /** The view for a mask's template over the scratch array: made and wrapped once per cache slot and template. */
    RecordView view(int mask) {
        int slot = (mask * 0x9E3779B1 >>> 26) & (CACHE - 1);
        RecordView v = cacheViews[slot];
        if (cacheKeys[slot] == mask && v.template().id() == mask && v.buffer() == out && v.offset() == AT) {
            return v;
        }
        if (v == null) {
            v = new RecordView();
            cacheViews[slot] = v;
        }
        cacheKeys[slot] = mask;
        return v.wrap(template(mask), out, AT);
    }

    /**
     * Maps the flow sample the view is on, whose records the decoder has {@linkplain #note noted}, reading the
     * datagram from {@code a} (buffer index + {@code shift}; {@code base}: the datagram's offset in its buffer); the
     * returned view is reused.
     */
    public RecordView map(SflowSampleView s, byte[] a, int shift, int base) {
        gather(a, shift, base);
        headerArray = a;
        headerSample = s.dataOffset();
        if (isCommon) {
            return common.map(this, s, a);
        }
        int mask = 0;
        SampledHeaderView h = header;
        boolean hdrIp = haveHeader && h.ipVersion() != 0 && h.hasSourceAddress() && h.hasDestinationAddress();
        if (haveHeader || ethRecord || dataFamily != 0) {
            mask |= BYTES;
        }
        boolean hdrMac = haveHeader && h.hasEthernet() && h.hasEthernetType();
        if (hdrMac || ethRecord) {
            mask |= MAC;
        }
        if (haveHeader && h.vlanCount() > 0) {
            mask |= DOT1Q;
            if (h.vlanCount() > 1) {
                mask |= QINQ;
            }
        }
        if (sw) {
            mask |= SWITCH;
            if (inVlan > 0xFFFF || outVlan > 0xFFFF) {
                mask |= SWITCH32;
            }
        }
        int family;
        if (hdrIp) {
            family = h.ipVersion();
            if (h.hasProtocol() && h.hasTos()) {
                mask |= IPCOMMON;
            }
            if (h.hasTtl()) {
                mask |= IPTTL;
            }
            if (h.hasFragment() && (family == 4 || h.fragmentId() != 0 || h.fragmentOffset() != 0 || h.moreFragments())) {
                mask |= FRAG;
            }
            if (h.hasPorts()) {
                mask |= PORTS;
                if (h.hasTcpFlags()) {
                    mask |= TCP;
                }
            } else if (h.hasIcmp()) {
                mask |= ICMP;
            }
        } else {
            family = dataFamily;
            if (family != 0) {
                mask |= IPCOMMON;
                if (dataProto == 6 || dataProto == 17 || dataProto == 132) {
                    mask |= PORTS;
                    if (dataProto == 6) {
                        mask |= TCP;
                    }
                }
            }
        }
        if (family == 4) {
            mask |= FAM4;
        } else if (family == 6) {
            mask |= FAM6;
        }
        if (nextHopFamily == 4) {
            mask |= NH4;
        } else if (nextHopFamily == 6) {
            mask |= NH6;
        }
        if (gateway) {
            mask |= AS;
        }

        byte[] o = scratch;
        int p = AT;
        i32(o, p, (int) s.inputInterface());
        i32(o, p + 4, (int) s.outputInterface());
        i32(o, p + 8, (int) s.samplingRate());
        i32(o, p + 12, (int) s.samplePool());
        i32(o, p + 16, (int) s.drops());
        i32(o, p + 20, 1);
        p += 24;
        if ((mask & BYTES) != 0) {
            i32(o, p, (int) (haveHeader ? frameLength : ethRecord ? ethLength : dataLength));
            p += 4;
        }
        if ((mask & MAC) != 0) {
            long src = hdrMac ? h.sourceMac() : ethSrc;
            long dst = hdrMac ? h.destinationMac() : ethDst;
            i16(o, p, (short) (src >>> 32));
            i32(o, p + 2, (int) src);
            i16(o, p + 6, (short) (dst >>> 32));
            i32(o, p + 8, (int) dst);
            i16(o, p + 12, (short) (hdrMac ? h.ethernetType() : ethType));
            p += 14;
        }
        if ((mask & DOT1Q) != 0) {
            i16(o, p, (short) h.vlanId(0));
            p += 2;
        }
        if ((mask & QINQ) != 0) {
            i16(o, p, (short) h.vlanId(1));
            p += 2;
        }
        if ((mask & SWITCH32) != 0) {
            i32(o, p, (int) inVlan);
            i32(o, p + 4, (int) outVlan);
            p += 8;
        } else if ((mask & SWITCH) != 0) {
            i16(o, p, (short) inVlan);
            i16(o, p + 2, (short) outVlan);
            p += 4;
        }
        if ((mask & FAM4) != 0) {
            if (hdrIp) {
                i32(o, p, h.sourceIpv4());
                i32(o, p + 4, h.destinationIpv4());
            } else {
                System.arraycopy(dataSrc, 0, o, p, 4);
                System.arraycopy(dataDst, 0, o, p + 4, 4);
            }
            p += 8;
        } else if ((mask & FAM6) != 0) {
            if (hdrIp) {
                h.copySourceIpv6(scratch, p);
                h.copyDestinationIpv6(scratch, p + 16);
                i32(o, p + 32, h.flowLabel());
            } else {
                System.arraycopy(dataSrc, 0, o, p, 16);
                System.arraycopy(dataDst, 0, o, p + 16, 16);
                i32(o, p + 32, 0);
            }
            p += 36;
        }
        if ((mask & IPCOMMON) != 0) {
            i8(o, p, (byte) family);
            i8(o, p + 1, (byte) (hdrIp ? h.protocol() : dataProto));
            i8(o, p + 2, (byte) (hdrIp ? h.tos() : dataTos));
            p += 3;
        }
        if ((mask & IPTTL) != 0) {
            i8(o, p, (byte) h.ttl());
            p += 1;
        }
        if ((mask & FRAG) != 0) {
            i32(o, p, (int) h.fragmentId());
            i16(o, p + 4, (short) h.fragmentOffset());
            p += 6;
        }
        if ((mask & PORTS) != 0) {
            i16(o, p, (short) (hdrIp ? h.sourcePort() : dataSrcPort));
            i16(o, p + 2, (short) (hdrIp ? h.destinationPort() : dataDstPort));
            p += 4;
            if ((mask & TCP) != 0) {
                i16(o, p, (short) (hdrIp ? h.tcpFlags() : dataTcpFlags));
                p += 2;
            }
        } else if ((mask & ICMP) != 0) {
            i16(o, p, (short) (h.icmpType() << 8 | h.icmpCode()));
            p += 2;
        }
        if ((mask & NH4) != 0) {
            System.arraycopy(nextHop, 0, o, p, 4);
            p += 4;
        }
        if ((mask & NH6) != 0) {
            System.arraycopy(nextHop, 0, o, p, 16);
            p += 16;
        }
        if ((mask & AS) != 0) {
            i32(o, p, (int) srcAs);
            i32(o, p + 4, (int) dstAs);
        }
        return view(mask);
    }

    private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class,
            java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle SHORT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class,
            java.nio.ByteOrder.BIG_ENDIAN);

    private static void i32(byte[] a, int p, int v) {
        INT.set(a, p, v);
    }

    private static void i16(byte[] a, int p, short v) {
        SHORT.set(a, p, v);
    }

    private static void i8(byte[] a, int p, byte v) {
        a[p] = v;
    }

    private int base;
    /** The records of the sample being decoded (format, data offset, length), noted by the decoder's walk. */
    private int[] notes = new int[3 * 16];
    private int noted;

    /**
     * Notes record {@code j} of the sample the decoder is walking, so that {@link #map} reads the records from
     * here and not from the buffer a second time. The decoder notes every record of a sample, then
     * {@link #noted(int)} how many, before it maps the sample.
     */
    public void note(int j, int dataFormat, int offset, int length) {
        int[] n = notes;
        int k = 3 * j;
        if (k + 3 > n.length) {
            n = java.util.Arrays.copyOf(n, 2 * n.length);
            notes = n;
        }
        n[k] = dataFormat;
        n[k + 1] = offset;
        n[k + 2] = length;
    }

    /**
     * Whether {@link #map} last mapped the sample whose data starts at {@code dataOffset} of a datagram read from
     * {@code a}, since {@link #forgetHeader}: then {@link #mappedHeader} is its sampled header.
     */
    public boolean mapped(byte[] a, int dataOffset) {
        return a != null && a == headerArray && dataOffset == headerSample;
    }

    /**
     * The sampled header of the sample {@link #map} last mapped, or null when that sample had no raw packet header
     * record; a common header, which the mapping read from its bytes, is parsed now (once).
     */
    public SampledHeaderView mappedHeader() {
        if (!haveHeader) {
            return null;
        }
        if (!parsed) {
            decoder.parseRawHeader(rawArray, rawShift, rawOffset, rawLength, rawBase, header);
            parsed = true;
        }
        return header;
    }

    /**
     * Whether common sampled headers are mapped from their bytes (the default) or, as every other header, parsed
     * into the view first: the same records either way (a test compares them).
     */
    public void commonHeaders(boolean on) {
        commonHeaders = on;
    }

    /** Forgets which sample the header was parsed for (a new datagram may reuse the array and its offsets). */
    public void forgetHeader() {
        headerArray = null;
    }

    /** How many records {@link #note} noted for the current sample. */
    public void noted(int count) {
        noted = count;
    }

    private void gather(byte[] b, int shift, int base) {
        this.base = base;
        haveHeader = false;
        isCommon = false;
        ethRecord = false;
        dataFamily = 0;
        sw = false;
        nextHopFamily = 0;
        gateway = false;
        int[] records = notes;
        for (int j = 0, end = 3 * noted; j < end; j += 3) {
            int off = records[j + 1];
            int at = shift + off;
            int len = records[j + 2];
            switch (records[j]) {
                case Sflow.FLOW_RAW_HEADER:
                    if (!haveHeader) {
                        if (len < DatagramLayout.RAW_HEADER) {
                            problem(off, "a raw packet header record of " + len + " bytes is shorter than its "
                                    + DatagramLayout.RAW_HEADER + "-byte header");
                            break;
                        }
                        if (commonHeaders && common.read(b, at, len)) {
                            isCommon = true;
                            parsed = false;
                            rawArray = b;
                            rawShift = shift;
                            rawOffset = off;
                            rawLength = len;
                            rawBase = base;
                        } else {
                            decoder.parseRawHeader(b, shift, off, len, base, header);
                            parsed = true;
                        }
                        frameLength = Bytes.u32(b, at + DatagramLayout.RAW_FRAME_LENGTH);
                        haveHeader = true;
                    }
                    break;
                case Sflow.FLOW_ETHERNET:
                    if (!ethRecord) {
                        if (len != 24) {
                            problem(off, "an Ethernet frame record is 24 bytes, not " + len);
                            break;
                        }
                        ethLength = Bytes.u32(b, at);
                        ethSrc = ((long) Bytes.u16(b, at + 4) << 32) | Bytes.u32(b, at + 6);
                        ethDst = ((long) Bytes.u16(b, at + 12) << 32) | Bytes.u32(b, at + 14);
                        ethType = Bytes.i32(b, at + 20);
                        ethRecord = true;
                    }
                    break;
                case Sflow.FLOW_IPV4:
                    if (dataFamily == 0) {
                        if (len != 32) {
                            problem(off, "an IPv4 data record is 32 bytes, not " + len);
                            break;
                        }
                        data(b, at, 4);
                    }
                    break;
                case Sflow.FLOW_IPV6:
                    if (dataFamily == 0) {
                        if (len != 56) {
                            problem(off, "an IPv6 data record is 56 bytes, not " + len);
                            break;
                        }
                        data(b, at, 16);
                    }
                    break;
                case Sflow.FLOW_EXTENDED_SWITCH:
                    if (len != 16) {
                        problem(off, "an extended switch record is 16 bytes, not " + len);
                        break;
                    }
                    inVlan = Bytes.u32(b, at);
                    outVlan = Bytes.u32(b, at + 8);
                    sw = true;
                    break;
                case Sflow.FLOW_EXTENDED_ROUTER: {
                    int n = address(b, shift, off, len, nextHop);
                    if (n < 0) {
                        break;
                    }
                    if (len != 4 + n + 8) {
                        problem(off, "an extended router record with a " + n + "-byte address is " + (12 + n) + " bytes, not " + len);
                        break;
                    }
                    nextHopFamily = n == 4 ? 4 : n == 16 ? 6 : 0;
                    break;
                }
                case Sflow.FLOW_EXTENDED_GATEWAY:
                    gateway(b, shift, off, len);
                    break;
                default:
                    break;
            }
        }
    }

    private void data(byte[] b, int at, int addrLen) {
        dataLength = Bytes.u32(b, at);
        dataProto = Bytes.i32(b, at + 4) & 0xFF;
        System.arraycopy(b, at + 8, dataSrc, 0, addrLen);
        System.arraycopy(b, at + 8 + addrLen, dataDst, 0, addrLen);
        int q = at + 8 + 2 * addrLen;
        dataSrcPort = Bytes.i32(b, q) & 0xFFFF;
        dataDstPort = Bytes.i32(b, q + 4) & 0xFFFF;
        dataTcpFlags = Bytes.i32(b, q + 8) & 0xFF;
        dataTos = Bytes.i32(b, q + 12) & 0xFF;
        dataFamily = addrLen == 4 ? 4 : 6;
    }

    /** Reads an sFlow address into {@code dst}; returns its length (0 unknown) or -1 after reporting a problem. */
    private int address(byte[] b, int shift, int off, int len, byte[] dst) {
        if (len < 4) {
            problem(off, "a record of " + len + " bytes cannot hold an address");
            return -1;
        }
        int type = Bytes.i32(b, shift + off);
        int n = type == 1 ? 4 : type == 2 ? 16 : type == 0 ? 0 : -1;
        if (n < 0) {
            problem(off, "address type " + Integer.toUnsignedString(type) + " (0, 1 or 2 expected)");
            return -1;
        }
        if (len - 4 < n) {
            problem(off, "an address of " + n + " bytes runs past its " + len + "-byte record");
            return -1;
        }
        System.arraycopy(b, shift + off + 4, dst, 0, n);
        return n;
    }

    private void gateway(byte[] b, int shift, int off, int len) {
        int n = address(b, shift, off, len, v6);
        if (n < 0) {
            return;
        }
        int end = off + len;
        int p = off + 4 + n;
        if (end - p < 16) {
            problem(p, "the extended gateway record ends inside its AS fields");
            return;
        }
        long src = Bytes.u32(b, shift + p + 4);
        long segments = Bytes.u32(b, shift + p + 12);
        p += 16;
        long last = 0;
        for (long i = 0; i < segments; i++) {
            if (end - p < 8) {
                problem(p, "the extended gateway record announces " + segments + " AS path segments but ends after " + i);
                return;
            }
            long count = Bytes.u32(b, shift + p + 4);
            p += 8;
            if (count > (end - p) / 4) {
                problem(p - 4, "an AS path segment of " + count + " ASes runs past the extended gateway record");
                return;
            }
            if (count > 0) {
                last = Bytes.u32(b, shift + p + (int) (count - 1) * 4);
            }
            p += (int) count * 4;
        }
        if (end - p < 4) {
            problem(p, "the extended gateway record ends before its communities");
            return;
        }
        long communities = Bytes.u32(b, shift + p);
        if (communities > (end - p - 4) / 4 || end - p - 4 - communities * 4 != 4) {
            problem(p, "the extended gateway record's " + communities + " communities and local preference do not fill its "
                    + len + " bytes");
            return;
        }
        srcAs = src;
        dstAs = last;
        gateway = true;
    }

    private void problem(int index, String reason) {
        decoder.contentProblem(new ContentException(index, reason), base);
    }
}
