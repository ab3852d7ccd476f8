package io.github.flowcodec.core.internal.templated;

import io.github.flowcodec.core.ExportContext;
import io.github.flowcodec.core.FlowPacket;
import io.github.flowcodec.core.RecordView;
import io.github.flowcodec.core.Template;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The materialized path's output: the packet's own records and templates, and one batch per earlier packet
 * whose held data it released (each becomes a packet of its own, with its own header). A protocol makes
 * its packet type from them. One per materialized decode.
 *
 * @param <H> the protocol's header type
 * @param <P> the protocol's packet type
 */
public abstract class PacketCollector<H, P extends FlowPacket> implements DecodeOutput<H> {

    private final RecordBatch own = new RecordBatch();
    private final List<Template> templates = new ArrayList<>();
    private List<FlowPacket> released;
    private H releasedHeader;
    private RecordBatch current = own;
    private final PacketParts.Builder parts = new PacketParts.Builder();

    @Override
    public void data(ExportContext ctx, RecordView record) {
        if (current == own) {
            parts.record();
        }
        current.data(ctx, record);
    }

    @Override
    public void expect(int records) {
        current.expect(records);
    }

    @Override
    public void options(ExportContext ctx, RecordView record) {
        if (current == own) {
            parts.optionsRecord();
        }
        current.options(record);
    }

    @Override
    public void template(Template t) {
        templates.add(t);
        parts.template();
    }

    @Override
    public void beginSet(int setId, int length) {
        parts.beginSet(setId, length);
    }

    @Override
    public void endSet() {
        parts.endSet();
    }

    @Override
    public void withdrawal(int templateId) {
        parts.withdrawal(templateId);
    }

    @Override
    public void keep(ByteBuffer b, int from, int to) {
        parts.keep(b, from, to);
    }

    @Override
    public void skipping(boolean skipping) {
        parts.skipping(skipping);
    }

    /** @return the packet's parts in wire order, as met so far */
    protected final PacketParts parts() {
        return parts.build();
    }

    @Override
    public void beginReleased(H header) {
        releasedHeader = header;
        current = new RecordBatch();
    }

    @Override
    public void endReleased() {
        if (released == null) {
            released = new ArrayList<>();
        }
        released.add(releasedPacket(releasedHeader, current));
        current = own;
    }

    /** @return whether the records now arriving are released ones of an earlier packet */
    protected final boolean collectingReleased() {
        return current != own;
    }

    /** The packet of an earlier packet's released records. */
    protected abstract FlowPacket releasedPacket(H header, RecordBatch records);

    /** The decoded packet, with its records, the templates it defined and the packets it released. */
    protected abstract P packet(H header, RecordBatch records, List<Template> templates, List<FlowPacket> released);

    /** @return the decoded packet of {@code header} */
    public final P packet(H header) {
        return packet(header, own, templates, released == null ? List.of() : released);
    }
}
