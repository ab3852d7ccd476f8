package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.Template;
import io.github.flowcodec.core.internal.templated.TemplatedWireLayout;
import io.github.flowcodec.core.internal.templated.TemplatedWireSetList;
import io.github.flowcodec.core.internal.templated.TemplatedWireSets;
import io.github.flowcodec.ipfix.internal.IpfixLayout;
import io.github.flowcodec.ipfix.internal.IpfixWriter;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Crafts one IPFIX message set by set, valid or broken on purpose, for tests of collectors and decoders.
 * Sets are written in the order they are added; the header's length is the bytes written unless
 * {@link #declaredLength(int)} says otherwise.
 *
 * <pre>{@code
 * byte[] valid = IpfixMessageBuilder.create().sequence(10).observationDomainId(1)
 *         .templates(template)
 *         .data(record1, record2)
 *         .toBytes();
 * byte[] broken = IpfixMessageBuilder.create()
 *         .data(record1)                            // its template never sent
 *         .rawTemplate(300, 8, 4, 12, 0)            // a field of length 0
 *         .withdraw(999)                            // a template that does not exist
 *         .declaredSetLength(9999)                  // the last set claims to run past the end
 *         .declaredLength(20)                       // the header lies about the message length
 *         .trailing(new byte[4])                    // bytes after the message, outside its length
 *         .toBytes();
 * }</pre>
 */
public final class IpfixMessageBuilder {

    private int version = Ipfix.VERSION;
    private Integer length;
    private long exportSeconds = 1_700_000_000L;
    private long sequence;
    private long domain;
    private final TemplatedWireSetList sets = new TemplatedWireSetList("set");
    private byte[] trailing = new byte[0];
    private int truncateTo = -1;

    private IpfixMessageBuilder() {
    }

    /**
     * A builder for a message with no sets yet.
     *
     * @return a builder whose header is version 10, every other header field 0
     */
    public static IpfixMessageBuilder create() {
        return new IpfixMessageBuilder();
    }

    /**
     * The header's version (10 unless you want a wrong one).
     *
     * @param version the header's version field, 0 to 65535
     * @return this builder
     */
    public IpfixMessageBuilder version(int version) {
        this.version = version;
        return this;
    }

    /**
     * The header's length field, instead of the bytes written (a lie, when it differs).
     *
     * @param length the header's length field, instead of the bytes written (a lie, when it differs)
     * @return this builder
     */
    public IpfixMessageBuilder declaredLength(int length) {
        this.length = length;
        return this;
    }

    /**
     * The header's export time in seconds.
     *
     * @param seconds exportTime, seconds since the Unix epoch (unsigned 32-bit)
     * @return this builder
     */
    public IpfixMessageBuilder exportTimeSeconds(long seconds) {
        this.exportSeconds = seconds;
        return this;
    }

    /**
     * The header's sequence number (data records sent before this message).
     *
     * @param sequence the sequence number, unsigned 32-bit
     * @return this builder
     */
    public IpfixMessageBuilder sequence(long sequence) {
        this.sequence = sequence;
        return this;
    }

    /**
     * The header's observation domain id.
     *
     * @param domain the observation domain id, unsigned 32-bit
     * @return this builder
     */
    public IpfixMessageBuilder observationDomainId(long domain) {
        this.domain = domain;
        return this;
    }

    /**
     * A template set (id 2) holding these plain templates, or an options template set (id 3) for options templates.
     *
     * @param templates templates with ids 256 to 65535, all plain or all options templates
     * @return this builder
     */
    public IpfixMessageBuilder templates(Template... templates) {
        boolean options = templates.length > 0 && templates[0].isOptions();
        int len = TemplatedWireLayout.SET_HEADER_LENGTH;
        for (Template t : templates) {
            if (t.isOptions() != options) {
                throw new IllegalArgumentException("one set holds either plain or options templates");
            }
            len += IpfixWriter.templateRecordLength(t);
        }
        checkSetLength(len);
        ByteBuffer b = ByteBuffer.allocate(len);
        TemplatedWireSets.templateSet(b, IpfixWriter.FORMAT, IpfixWriter.FORMAT.templateSetId(options), len, List.of(templates),
                new int[0], 0);
        sets.add(b);
        return this;
    }

    /**
     * A template set with one template written from raw numbers, valid or not:
     * {@code idLengthPairs} = element id 1, length 1, element id 2, length 2 ... (IANA elements; an id with
     * bit 15 set takes no PEN here, so it makes a cut-short specifier).
     *
     * @param templateId the template id to write, 0 to 65535 (valid: 256 and above)
     * @param idLengthPairs element ids and field lengths, each 0 to 65535 (65535 is a variable length)
     * @return this builder
     */
    public IpfixMessageBuilder rawTemplate(int templateId, int... idLengthPairs) {
        if (idLengthPairs.length % 2 != 0) {
            throw new IllegalArgumentException("id and length pairs expected");
        }
        ByteBuffer b = ByteBuffer.allocate(TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireLayout.TEMPLATE_HEADER_LENGTH
                + 2 * idLengthPairs.length);
        TemplatedWireSets.setHeader(b, Ipfix.TEMPLATE_SET_ID, b.capacity());
        b.putShort((short) templateId).putShort((short) (idLengthPairs.length / 2));
        for (int v : idLengthPairs) {
            b.putShort((short) v);
        }
        sets.add(b);
        return this;
    }

    /**
     * A template set holding the withdrawal of these template ids (field count 0).
     *
     * @param templateIds the ids withdrawn, 256 to 65535
     * @return this builder
     */
    public IpfixMessageBuilder withdraw(int... templateIds) {
        return withdrawal(Ipfix.TEMPLATE_SET_ID, templateIds);
    }

    /**
     * An options template set holding the withdrawal of these options template ids.
     *
     * @param templateIds the ids withdrawn, 256 to 65535
     * @return this builder
     */
    public IpfixMessageBuilder withdrawOptions(int... templateIds) {
        return withdrawal(Ipfix.OPTIONS_TEMPLATE_SET_ID, templateIds);
    }

    /**
     * Withdraws all templates ({@code options} false: set 2) or all options templates (true: set 3).
     *
     * @param options true to withdraw every options template, false every plain template
     * @return this builder
     */
    public IpfixMessageBuilder withdrawAll(boolean options) {
        int id = IpfixWriter.FORMAT.templateSetId(options);
        return withdrawal(id, id);
    }

    private IpfixMessageBuilder withdrawal(int setId, int... templateIds) {
        ByteBuffer b = ByteBuffer.allocate(TemplatedWireLayout.SET_HEADER_LENGTH
                + TemplatedWireLayout.WITHDRAWAL_RECORD_LENGTH * templateIds.length);
        TemplatedWireSets.templateSet(b, IpfixWriter.FORMAT, setId, b.capacity(), List.of(), templateIds, 0);
        sets.add(b);
        return this;
    }

    /**
     * A data set with these records (all of one template, whose id is the set id).
     *
     * @param records records of one template; its id is the set id
     * @return this builder
     */
    public IpfixMessageBuilder data(FlowRecord... records) {
        return dataPadded(0, records);
    }

    /**
     * A data set with these records followed by {@code padding} zero bytes counted in the set length.
     *
     * @param padding how many zero bytes follow the records, 0 or more
     * @param records records of one template
     * @return this builder
     */
    public IpfixMessageBuilder dataPadded(int padding, FlowRecord... records) {
        if (records.length == 0) {
            throw new IllegalArgumentException("a data set needs a record (use rawSet for an empty one)");
        }
        int id = records[0].template().id();
        for (FlowRecord r : records) {
            if (r.template().id() != id) {
                throw new IllegalArgumentException("records of templates " + id + " and " + r.template().id() + " in one set");
            }
        }
        List<FlowRecord> list = List.of(records);
        int len = TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireSets.length(list) + padding;
        checkSetLength(len);
        ByteBuffer b = ByteBuffer.allocate(len);
        TemplatedWireSets.dataSet(b, id, len, list, padding);
        sets.add(b);
        return this;
    }

    private static void checkSetLength(int len) {
        if (len > TemplatedWireLayout.MAX_SET_LENGTH) {
            throw new IllegalArgumentException("a set of " + len + " bytes does not fit its 16-bit length (use rawSet and setLength to lie)");
        }
    }

    /**
     * A set of any id with these body bytes, its length field counting them exactly (cut to 16 bits).
     *
     * @param setId the set id, 0 to 65535
     * @param body the set's bytes after its 4-byte header
     * @return this builder
     */
    public IpfixMessageBuilder rawSet(int setId, byte... body) {
        ByteBuffer b = ByteBuffer.allocate(TemplatedWireLayout.SET_HEADER_LENGTH + body.length);
        TemplatedWireSets.rawSet(b, setId, b.capacity(), ByteBuffer.wrap(body));
        sets.add(b);
        return this;
    }

    /**
     * Overwrites the length field of the last set added (a lie, or a length below 4).
     *
     * @param length overwrites the length field of the last set added (a lie, or a length below 4)
     * @return this builder
     */
    public IpfixMessageBuilder declaredSetLength(int length) {
        sets.setLength(length);
        return this;
    }

    /**
     * Bytes after the message, outside its length (zeros: exporters that pad datagrams; anything else: garbage).
     *
     * @param bytes bytes after the message, outside its length (zeros: exporters that pad datagrams; anything else: garbage)
     * @return this builder
     */
    public IpfixMessageBuilder trailing(byte... bytes) {
        this.trailing = bytes.clone();
        return this;
    }

    /**
     * Cuts the finished message to its first {@code length} bytes (after the header's length was set).
     *
     * @param length cuts the finished message to its first {@code length} bytes (after the header's length was set)
     * @return this builder
     */
    public IpfixMessageBuilder truncateTo(int length) {
        this.truncateTo = length;
        return this;
    }

    /**
     * The message's bytes.
     *
     * @throws IllegalArgumentException if the message is over 65535 bytes and no {@link #declaredLength(int)} was given
     * @return the message's bytes
     */
    public byte[] toBytes() {
        int len = IpfixLayout.HEADER_LENGTH + sets.length();
        if (length == null && len > Ipfix.MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("a message of " + len + " bytes does not fit its 16-bit length (give declaredLength(n) to lie)");
        }
        return sets.toBytes(IpfixLayout.HEADER_LENGTH, trailing, truncateTo, (b, written) -> IpfixWriter.header(b, 0, version,
                length != null ? length : written, exportSeconds, sequence, domain));
    }

    /**
     * The message as a buffer ready to read.
     *
     * @return a big-endian buffer of {@link #toBytes()}'s bytes, position 0
     */
    public ByteBuffer toBuffer() {
        return ByteBuffer.wrap(toBytes());
    }
}
