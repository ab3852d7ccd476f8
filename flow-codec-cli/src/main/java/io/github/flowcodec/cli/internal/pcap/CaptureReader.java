package io.github.flowcodec.cli.internal.pcap;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the packets of a classic pcap or pcapng capture, one at a time.
 *
 * <p>The format is detected from the first four bytes. Packets are read lazily through a buffer,
 * so files of any size can be read in constant memory (apart from the largest single packet).
 * A truncated or corrupt file raises {@link CaptureFormatException}; once an exception has been
 * raised, every further call to {@link #next()} raises it again.
 *
 * <p>Instances are not thread-safe.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(path)) {
 *   for (Optional<CapturedPacket> p = reader.next(); p.isPresent(); p = reader.next()) {
 *     UdpDatagramExtractor.extract(p.get()).ifPresent(this::handle);
 *   }
 * }
 * }</pre>
 */
public final class CaptureReader implements Closeable {

    private final CaptureInput input;
    private final PacketSource source;
    private long packetCount;
    private IOException failure;
    private boolean finished;

    private CaptureReader(CaptureInput input, PacketSource source) {
        this.input = input;
        this.source = source;
    }

    /**
     * Opens a capture file and reads its file header.
     *
     * @param file the capture file
     * @return a reader positioned before the first packet
     * @throws CaptureFormatException if the file is neither pcap nor pcapng, or its header is
     *     truncated or corrupt
     * @throws IOException if the file cannot be read
     */
    public static CaptureReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.isRegularFile(file) ? Files.size(file) : -1;
        return open(new CaptureInput(Files.newInputStream(file), size));
    }

    /**
     * Reads a capture from a stream, for example standard input. Without a known file size, a
     * truncated file is only noticed when the stream ends.
     *
     * @param stream the stream, positioned at the start of the capture; the reader takes ownership
     *     of it and closes it on {@link #close()}
     * @return a reader positioned before the first packet
     * @throws CaptureFormatException if the stream is neither pcap nor pcapng, or its header is
     *     truncated or corrupt
     * @throws IOException if the stream cannot be read
     */
    public static CaptureReader open(InputStream stream) throws IOException {
        return open(new CaptureInput(Objects.requireNonNull(stream, "stream"), -1));
    }

    private static CaptureReader open(CaptureInput input) throws IOException {
        try {
            byte[] magic = input.peek(4);
            if (magic.length < 4) {
                throw new CaptureFormatException(
                        "file is too short to be a capture (" + magic.length + " bytes)", 0);
            }
            int value = (int) Bytes.u32(magic, 0, ByteOrder.BIG_ENDIAN);
            if (value == PcapngSource.SECTION_HEADER) {
                return new CaptureReader(input, new PcapngSource(input));
            }
            if (ClassicPcapSource.isMagic(value)) {
                return new CaptureReader(input, ClassicPcapSource.open(input));
            }
            throw new CaptureFormatException(
                    String.format("unknown capture file magic number 0x%08x", value), 0);
        } catch (IOException | RuntimeException e) {
            try {
                input.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Lets the reader read each packet into the array of the one before (classic pcap and pcapng packet blocks),
     * for a caller done with a packet before it asks for the next: a packet's {@link CapturedPacket#data()}
     * then holds until the next call of {@link #next()} only. Saves an array per packet.
     *
     * @return this reader
     */
    public CaptureReader reuseBuffers() {
        input.reusePacketArrays();
        return this;
    }

    /**
     * Returns the container format detected when the file was opened.
     *
     * @return the format
     */
    public CaptureFormat format() {
        return source.format();
    }

    /**
     * Returns how many packets have been read so far, which is also the number of the last one.
     *
     * @return the packet count
     */
    public long packetCount() {
        return packetCount;
    }

    /**
     * Reads the next packet.
     *
     * @return the packet, or empty at the end of the file
     * @throws CaptureFormatException if the file is truncated or corrupt at this point
     * @throws IOException if reading fails
     */
    public Optional<CapturedPacket> next() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return Optional.empty();
        }
        try {
            CapturedPacket packet = source.next(packetCount + 1);
            if (packet == null) {
                finished = true;
                return Optional.empty();
            }
            packetCount++;
            return Optional.of(packet);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Returns the remaining packets as a lazy, sequential stream. Reading errors surface as {@link
     * UncheckedIOException} whose cause is the {@link IOException}. Closing the stream closes this
     * reader.
     *
     * @return the packets not yet read
     */
    public Stream<CapturedPacket> stream() {
        Spliterator<CapturedPacket> spliterator =
                new Spliterators.AbstractSpliterator<>(
                        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    @Override
                    public boolean tryAdvance(Consumer<? super CapturedPacket> action) {
                        Optional<CapturedPacket> packet;
                        try {
                            packet = next();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        packet.ifPresent(action);
                        return packet.isPresent();
                    }
                };
        return StreamSupport.stream(spliterator, false)
                .onClose(
                        () -> {
                            try {
                                close();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
    }

    /** Closes the underlying file or stream. */
    @Override
    public void close() throws IOException {
        input.close();
    }
}
