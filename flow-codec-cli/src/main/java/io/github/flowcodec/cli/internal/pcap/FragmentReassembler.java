package io.github.flowcodec.cli.internal.pcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Extracts UDP datagrams from the frames of one capture, reassembling those that were split into
 * IPv4 or IPv6 fragments.
 *
 * <p>Feed it every frame of a capture in file order. A frame that is not a fragment gives what
 * {@link UdpDatagramExtractor} gives. A fragment is kept until its datagram is complete, that is
 * until every byte from 0 to the end announced by the last fragment (the one without the "more
 * fragments" flag) has arrived; the frame that completes it gives the datagram, with that frame's
 * timestamp and packet number. Fragments belong together when they share, for IPv4, source,
 * destination, protocol and identification; for IPv6, source, destination and the identification
 * of the fragment header. The UDP length must fit in the reassembled bytes, and a shorter one cuts
 * the payload as for a whole packet; the UDP checksum is not verified.
 *
 * <p>Captures are hostile input, so:
 *
 * <ul>
 *   <li>Memory is bounded. A datagram holds at most 64 KiB, its buffer grows with the fragments
 *       received (the largest end seen, doubled, or the exact end once known), and at most {@code
 *       maxDatagrams} incomplete datagrams holding at most {@code maxBytes} bytes of buffers and
 *       coverage maps are kept (1024 and 16 MiB by default). To make room, the incomplete
 *       datagram whose first fragment came first is evicted. A datagram is also evicted when its
 *       first fragment is more than {@code timeoutNanos} (30 s by default) older than the latest
 *       capture time seen, so that capture time, which may step backwards, never undoes an
 *       expiry.
 *   <li>A fragment whose data would end beyond what the IP length field allows (65535 bytes of
 *       IPv4 packet, or of IPv6 payload), is dropped without allocating anything ("oversized").
 *   <li>A fragment is dropped as malformed when its bytes are not all in the capture (snapshot
 *       length), when its length fields are inconsistent, when it carries no data but announces
 *       more fragments, or when it is not the last one and its length is not a multiple of 8.
 *       A last fragment without data is kept: it only fixes the datagram's end.
 *   <li>Overlapping fragments are accepted when the bytes they share are equal; a fragment that
 *       brings nothing new is counted as a duplicate and otherwise ignored (captures on mirror
 *       ports often hold frames twice). When the shared bytes differ, or fragments disagree on
 *       the end of the datagram, the whole datagram is discarded ("conflicting", as RFC 5722
 *       asks for IPv6, here for IPv4 too), since no reading of it could be trusted; fragments of
 *       it that come later start a new datagram, which then normally never completes.
 *   <li>IPv4 fragments of other protocols than UDP, and IPv6 fragments whose fragment header
 *       announces neither UDP nor destination options, are ignored without being kept.
 * </ul>
 *
 * <p>Nothing here throws for the content of a frame. Everything dropped or evicted is counted, for
 * the caller to report. Instances are not thread-safe; use one per capture file.
 */
public final class FragmentReassembler {

    /** The default maximum number of incomplete datagrams kept. */
    public static final int DEFAULT_MAX_DATAGRAMS = 1024;
    /** The default maximum number of bytes kept for incomplete datagrams: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    /** The default time, in capture time, after which an incomplete datagram is evicted: 30 s. */
    public static final long DEFAULT_TIMEOUT_NANOS = 30_000_000_000L;
    /** The largest amount of data one reassembled datagram can hold. */
    public static final int MAX_DATAGRAM_BYTES = 0xFFFF;
    /** The most memory that one incomplete datagram is counted for; {@code maxBytes} is at least this. */
    public static final int MAX_DATAGRAM_FOOTPRINT = footprint(MAX_DATAGRAM_BYTES);

    private static final int UDP_HEADER_LENGTH = 8;
    private static final int BLOCK = 8;

    private final int maxDatagrams;
    private final long maxBytes;
    private final long timeoutNanos;
    private final LinkedHashMap<IpFragment.Key, Pending> pending = new LinkedHashMap<>();
    /** The addresses' objects of the datagrams handed out: the same ones for the same exporter. */
    private final AddressCache addresses = new AddressCache();
    private long pendingBytes;
    private long clock = Long.MIN_VALUE;

    private long fragments;
    private long reassembled;
    private long duplicates;
    private long overlapping;
    private long malformed;
    private long oversized;
    private long conflicting;
    private long invalid;
    private long evictedByAge;
    private long evictedByCount;
    private long evictedByMemory;

    /** An incomplete datagram. */
    private static final class Pending {
        /** The capture clock when its first fragment came. */
        final long created;
        byte[] data = new byte[0];
        /** One bit per 8-byte block of {@link #data} received. */
        long[] covered = new long[0];
        /** The end fixed by the last fragment, or -1 while it has not come. */
        int end = -1;
        /** The largest end of the fragments received. */
        int highest;
        /** IPv6: the next header field of the fragment at offset 0, or -1 while it has not come. */
        int firstNextHeader = -1;
        int footprint;

        Pending(long created) {
            this.created = created;
        }

        boolean isCovered(int block) {
            int word = block >>> 6;
            return word < covered.length && (covered[word] & (1L << block)) != 0;
        }

        void cover(int from, int to) {
            for (int block = from; block < to; block++) {
                covered[block >>> 6] |= 1L << block;
            }
        }

        boolean complete() {
            if (end < 0) {
                return false;
            }
            int blocks = blocks(end);
            for (int block = 0; block < blocks; block++) {
                if (!isCovered(block)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Creates a reassembler with the default bounds. */
    public FragmentReassembler() {
        this(DEFAULT_MAX_DATAGRAMS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_NANOS);
    }

    /**
     * Creates a reassembler with the given bounds.
     *
     * @param maxDatagrams the most incomplete datagrams kept at once, at least 1
     * @param maxBytes the most bytes of buffers kept for incomplete datagrams, at least {@link
     *     #MAX_DATAGRAM_FOOTPRINT}
     * @param timeoutNanos how long, in capture time, an incomplete datagram is kept after its first
     *     fragment, more than 0
     * @throws IllegalArgumentException if a bound is out of range
     */
    public FragmentReassembler(int maxDatagrams, long maxBytes, long timeoutNanos) {
        if (maxDatagrams < 1) {
            throw new IllegalArgumentException("maxDatagrams must be at least 1: " + maxDatagrams);
        }
        if (maxBytes < MAX_DATAGRAM_FOOTPRINT) {
            throw new IllegalArgumentException(
                    "maxBytes must be at least " + MAX_DATAGRAM_FOOTPRINT + ": " + maxBytes);
        }
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeoutNanos must be positive: " + timeoutNanos);
        }
        this.maxDatagrams = maxDatagrams;
        this.maxBytes = maxBytes;
        this.timeoutNanos = timeoutNanos;
    }

    /**
     * Takes the next packet of the capture.
     *
     * @param packet the packet, as read by {@link CaptureReader}
     * @return the UDP datagram the packet holds or completes, or empty
     */
    public Optional<UdpDatagram> accept(CapturedPacket packet) {
        return accept(
                packet.linkType(), packet.data(), packet.timestampNanos(), packet.packetNumber());
    }

    /**
     * Takes the next frame of the capture.
     *
     * @param linkType the link-layer header type of the frame, see {@link LinkType}
     * @param frame the frame, from its position to its limit; not modified, and not kept: the bytes
     *     of a fragment are copied
     * @param timestampNanos the capture time of the frame
     * @param packetNumber the packet number of the frame
     * @return the UDP datagram the frame holds or completes, or empty. The payload of a datagram
     *     that was not fragmented shares the frame's bytes, as with {@link UdpDatagramExtractor}.
     */
    public Optional<UdpDatagram> accept(
            int linkType, ByteBuffer frame, long timestampNanos, long packetNumber) {
        Objects.requireNonNull(frame, "frame");
        advanceClock(timestampNanos);
        ByteBuffer bytes = frame.slice().order(ByteOrder.BIG_ENDIAN);
        LinkLayer.IpStart ip = LinkLayer.locate(linkType, bytes);
        if (ip == null) {
            return Optional.empty();
        }
        IpFragment.Parsed parsed = IpFragment.parse(bytes, ip.offset(), ip.version());
        if (parsed.fragment() != null) {
            return add(parsed.fragment(), timestampNanos, packetNumber);
        }
        return switch (parsed.verdict()) {
            case NOT_FRAGMENT -> UdpDatagramExtractor.extract(bytes, ip, timestampNanos, packetNumber, addresses);
            case MALFORMED -> {
                malformed++;
                yield Optional.empty();
            }
            case IGNORED -> Optional.empty();
        };
    }

    private Optional<UdpDatagram> add(IpFragment fragment, long timestampNanos, long packetNumber) {
        int offset = fragment.offset();
        int length = fragment.dataLength();
        int end = fragment.end();
        boolean more = fragment.more();
        if (more && (length == 0 || length % BLOCK != 0)) {
            malformed++;
            return Optional.empty();
        }
        if (end > fragment.maxEnd()) {
            oversized++;
            return Optional.empty();
        }
        fragments++;
        IpFragment.Key key = fragment.key();
        Pending datagram = pending.get(key);
        if (datagram == null) {
            if (pending.size() >= maxDatagrams) {
                evictOldestOtherThan(null);
                evictedByCount++;
            }
            datagram = new Pending(clock);
            pending.put(key, datagram);
        }
        boolean conflict =
                more
                        ? datagram.end >= 0 && end > datagram.end
                        : (datagram.end >= 0 && datagram.end != end) || datagram.highest > end;
        if (conflict || !agreesWithReceived(datagram, fragment)) {
            remove(key, datagram);
            conflicting++;
            return Optional.empty();
        }
        boolean newEnd = !more && datagram.end < 0;
        boolean anyNew = false;
        boolean anyOld = false;
        int firstBlock = offset / BLOCK;
        int endBlock = blocks(end);
        if (length > 0) {
            reserve(datagram, more ? datagram.end : end, end);
            for (int block = firstBlock; block < endBlock; block++) {
                if (datagram.isCovered(block)) {
                    anyOld = true;
                } else {
                    anyNew = true;
                }
            }
            fragment.frame().get(fragment.dataAt(), datagram.data, offset, length);
            datagram.cover(firstBlock, endBlock);
        }
        if (!anyNew && !newEnd) {
            duplicates++;
        } else if (anyOld) {
            overlapping++;
        }
        datagram.highest = Math.max(datagram.highest, end);
        if (!more) {
            datagram.end = end;
        }
        if (offset == 0 && datagram.firstNextHeader < 0) {
            datagram.firstNextHeader = fragment.nextHeader();
        }
        if (!datagram.complete()) {
            return Optional.empty();
        }
        remove(key, datagram);
        return complete(datagram, fragment, timestampNanos, packetNumber);
    }

    /**
     * Whether the bytes of the fragment equal those already received at the same offsets. The
     * received bytes of a block are exact: every fragment but the last starts and ends on a block
     * boundary, and nothing may go beyond the end fixed by the last.
     */
    private static boolean agreesWithReceived(Pending datagram, IpFragment fragment) {
        int offset = fragment.offset();
        int end = Math.min(fragment.end(), datagram.data.length);
        ByteBuffer frame = fragment.frame();
        int delta = fragment.dataAt() - offset;
        for (int at = offset; at < end; at++) {
            if (datagram.isCovered(at / BLOCK) && datagram.data[at] != frame.get(at + delta)) {
                return false;
            }
        }
        return true;
    }

    /** Grows the buffers of {@code datagram} to hold {@code end} bytes, evicting others to make room. */
    private void reserve(Pending datagram, int knownEnd, int end) {
        if (end <= datagram.data.length) {
            return;
        }
        int capacity =
                knownEnd >= 0
                        ? knownEnd
                        : Math.max(end, Math.min(2 * datagram.data.length, MAX_DATAGRAM_BYTES));
        int footprint = footprint(capacity);
        int growth = footprint - datagram.footprint;
        while (pendingBytes + growth > maxBytes && evictOldestOtherThan(datagram)) {
            evictedByMemory++;
        }
        datagram.data = Arrays.copyOf(datagram.data, capacity);
        datagram.covered = Arrays.copyOf(datagram.covered, words(capacity));
        datagram.footprint = footprint;
        pendingBytes += growth;
    }

    /** Makes the UDP datagram out of a complete IP payload. */
    private Optional<UdpDatagram> complete(
            Pending datagram, IpFragment last, long timestampNanos, long packetNumber) {
        byte[] data = datagram.data;
        int length = datagram.end;
        int at = 0;
        if (last.key().version() == 6) {
            int next = datagram.firstNextHeader;
            for (int headers = 0; next != IpLayer.PROTOCOL_UDP; headers++) {
                boolean skippable = next == IpFragment.DESTINATION_OPTIONS || next == IpFragment.ROUTING;
                if (!skippable || headers == IpFragment.MAX_EXTENSION_HEADERS || at + 8 > length) {
                    invalid++;
                    return Optional.empty();
                }
                next = data[at] & 0xFF;
                at += ((data[at + 1] & 0xFF) + 1) * 8;
            }
        }
        if (at + UDP_HEADER_LENGTH > length) {
            invalid++;
            return Optional.empty();
        }
        int udpLength = Bytes.u16(data, at + 4, ByteOrder.BIG_ENDIAN);
        if (udpLength < UDP_HEADER_LENGTH || udpLength > length - at) {
            invalid++;
            return Optional.empty();
        }
        reassembled++;
        return Optional.of(
                new UdpDatagram(
                        timestampNanos,
                        packetNumber,
                        last.source(),
                        Bytes.u16(data, at, ByteOrder.BIG_ENDIAN),
                        last.destination(),
                        Bytes.u16(data, at + 2, ByteOrder.BIG_ENDIAN),
                        ByteBuffer.wrap(data, at + UDP_HEADER_LENGTH, udpLength - UDP_HEADER_LENGTH)));
    }

    private void advanceClock(long timestampNanos) {
        if (timestampNanos > clock) {
            clock = timestampNanos;
        }
        long threshold = clock < Long.MIN_VALUE + timeoutNanos ? Long.MIN_VALUE : clock - timeoutNanos;
        // Creation times follow insertion order, since the clock never goes back.
        Iterator<Pending> oldestFirst = pending.values().iterator();
        while (oldestFirst.hasNext()) {
            Pending oldest = oldestFirst.next();
            if (oldest.created >= threshold) {
                break;
            }
            oldestFirst.remove();
            pendingBytes -= oldest.footprint;
            evictedByAge++;
        }
    }

    private boolean evictOldestOtherThan(Pending keep) {
        Iterator<Pending> oldestFirst = pending.values().iterator();
        while (oldestFirst.hasNext()) {
            Pending oldest = oldestFirst.next();
            if (oldest != keep) {
                oldestFirst.remove();
                pendingBytes -= oldest.footprint;
                return true;
            }
        }
        return false;
    }

    private void remove(IpFragment.Key key, Pending datagram) {
        pending.remove(key);
        pendingBytes -= datagram.footprint;
    }

    private static int blocks(int bytes) {
        return (bytes + BLOCK - 1) / BLOCK;
    }

    private static int words(int bytes) {
        return (blocks(bytes) + 63) / 64;
    }

    private static int footprint(int capacity) {
        return capacity + Long.BYTES * words(capacity);
    }

    /**
     * Returns how many fragments were taken for reassembly, duplicates included.
     *
     * @return the fragment count
     */
    public long fragments() {
        return fragments;
    }

    /**
     * Returns how many datagrams were reassembled and given out.
     *
     * @return the reassembled datagram count
     */
    public long reassembledDatagrams() {
        return reassembled;
    }

    /**
     * Returns how many fragments brought nothing that had not been received already.
     *
     * @return the duplicate fragment count
     */
    public long duplicateFragments() {
        return duplicates;
    }

    /**
     * Returns how many fragments overlapped bytes already received, with equal values, and brought
     * new ones too.
     *
     * @return the overlapping fragment count
     */
    public long overlappingFragments() {
        return overlapping;
    }

    /**
     * Returns how many fragments were dropped because they were malformed or cut by the capture.
     *
     * @return the malformed fragment count
     */
    public long malformedFragments() {
        return malformed;
    }

    /**
     * Returns how many fragments were dropped because they would end beyond the largest IP packet.
     *
     * @return the oversized fragment count
     */
    public long oversizedFragments() {
        return oversized;
    }

    /**
     * Returns how many incomplete datagrams were discarded because their fragments disagreed:
     * different bytes at the same offset, or different ends.
     *
     * @return the conflicting datagram count
     */
    public long conflictingDatagrams() {
        return conflicting;
    }

    /**
     * Returns how many datagrams were complete but held no valid UDP datagram (bad UDP length, or
     * an IPv6 payload that is not UDP).
     *
     * @return the invalid datagram count
     */
    public long invalidDatagrams() {
        return invalid;
    }

    /**
     * Returns how many incomplete datagrams were evicted because they were too old.
     *
     * @return the count
     */
    public long evictedByAge() {
        return evictedByAge;
    }

    /**
     * Returns how many incomplete datagrams were evicted to keep their number within bounds.
     *
     * @return the count
     */
    public long evictedByCount() {
        return evictedByCount;
    }

    /**
     * Returns how many incomplete datagrams were evicted to keep their memory within bounds.
     *
     * @return the count
     */
    public long evictedByMemory() {
        return evictedByMemory;
    }

    /**
     * Returns how many incomplete datagrams were evicted, for any reason.
     *
     * @return the sum of {@link #evictedByAge()}, {@link #evictedByCount()} and {@link
     *     #evictedByMemory()}
     */
    public long evictedDatagrams() {
        return evictedByAge + evictedByCount + evictedByMemory;
    }

    /**
     * Returns how many datagrams are incomplete now; at the end of a capture, those are lost.
     *
     * @return the pending datagram count
     */
    public int pendingDatagrams() {
        return pending.size();
    }

    /**
     * Returns how many bytes of buffers the incomplete datagrams hold now.
     *
     * @return the pending byte count, at most {@code maxBytes}
     */
    public long pendingBytes() {
        return pendingBytes;
    }
}
