package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Template withdrawal datagrams (RFC 7011 section 8.1) for a {@link TemplatedWriter} whose format has them
 * (IPFIX; NetFlow v9 has no withdrawal, and its encoder has no such object): a template set of withdrawal
 * records for the plain templates, then an options template set for the options templates. The writer forgets
 * what is withdrawn, so a record of a withdrawn template later sends it again.
 *
 * <pre>{@code
 * TemplatedWriter writer = settings.writer();
 * TemplateWithdrawals withdrawals = new TemplateWithdrawals(writer);
 * channel.send(withdrawals.datagram(256), collector);
 * }</pre>
 */
public final class TemplateWithdrawals {

    private final TemplatedWriter writer;

    /**
     * @throws IllegalArgumentException if the writer's format has no withdrawals
     */
    public TemplateWithdrawals(TemplatedWriter writer) {
        if (!writer.format().withdrawals()) {
            throw new IllegalArgumentException(writer.format().protocol() + " has no template withdrawal");
        }
        this.writer = writer;
    }

    /**
     * A datagram withdrawing these templates, which the writer forgets.
     *
     * @throws IllegalArgumentException if an id is not one of the writer's templates
     */
    public ByteBuffer datagram(int... templateIds) {
        List<Template> plain = new ArrayList<>();
        List<Template> options = new ArrayList<>();
        for (int id : templateIds) {
            Template t = writer.knownTemplate(id);
            if (t == null) {
                throw new IllegalArgumentException("template " + id + " is not known to the encoder");
            }
            (t.isOptions() ? options : plain).add(t);
        }
        ByteBuffer b = ByteBuffer.allocate(writer.headerLength() + 2 * TemplatedWireLayout.SET_HEADER_LENGTH
                + TemplatedWireLayout.WITHDRAWAL_RECORD_LENGTH * templateIds.length);
        b.position(writer.headerLength());
        set(b, writer.format().templateSetId(false), plain);
        set(b, writer.format().templateSetId(true), options);
        for (int id : templateIds) {
            writer.forget(id);
        }
        return writer.finishControl(b);
    }

    /** A datagram withdrawing all templates and all options templates; the writer forgets them. */
    public ByteBuffer allDatagram() {
        ByteBuffer b = ByteBuffer.allocate(writer.headerLength()
                + 2 * (TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireLayout.WITHDRAWAL_RECORD_LENGTH));
        b.position(writer.headerLength());
        for (int setId : new int[] {writer.format().templateSetId(false), writer.format().templateSetId(true)}) {
            TemplatedWireSets.setHeader(b, setId, TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireLayout.WITHDRAWAL_RECORD_LENGTH);
            TemplatedWireSets.withdrawalRecord(b, setId); // the set id as template id: all of that kind
        }
        for (int id : writer.knownIds()) {
            writer.forget(id);
        }
        return writer.finishControl(b);
    }

    private static void set(ByteBuffer b, int setId, List<Template> ts) {
        if (ts.isEmpty()) {
            return;
        }
        TemplatedWireSets.setHeader(b, setId, TemplatedWireLayout.SET_HEADER_LENGTH + TemplatedWireLayout.WITHDRAWAL_RECORD_LENGTH * ts.size());
        for (Template t : ts) {
            TemplatedWireSets.withdrawalRecord(b, t.id());
        }
    }
}
