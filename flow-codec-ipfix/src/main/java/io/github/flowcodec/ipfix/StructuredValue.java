package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.DataType;
import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.core.FlowFields;
import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.util.List;

/**
 * A structured data value (RFC 6313), materialized and immutable: a {@link BasicList}, a
 * {@link SubTemplateList} or a {@link SubTemplateMultiList}. Build one to encode it
 * ({@link #toBytes()} goes into the list field of a record), or read one from a decoded record with
 * {@link #read}. To walk lists without copying, use the views ({@link BasicListView},
 * {@link SubTemplateListView}, {@link SubTemplateMultiListView}).
 *
 * <pre>{@code
 * StructuredValue v = StructuredValue.read(record, index, message); // or ctx on the zero-copy path
 * if (v instanceof SubTemplateList stl) {
 *     for (FlowRecord r : stl.records()) { ... }
 * }
 * SubTemplateList list = new SubTemplateList(ListSemantic.ALL_OF.code(), labelTemplate, labels);
 * FlowRecord outer = list.writeTo(FlowRecord.builder(outerTemplate), listIndex).build();
 * encoder.encode(List.of(outer)); // sends labelTemplate, then outerTemplate, then the record
 * }</pre>
 */
public sealed interface StructuredValue permits BasicList, SubTemplateList, SubTemplateMultiList {

    /**
     * The semantic code (see {@link ListSemantic#fromCode}).
     *
     * @return the semantic byte (0xFF undefined, 0 noneOf ... 4 ordered)
     */
    int semantic();

    /**
     * The value's encoding, as it goes into a list field (without the field's length prefix).
     *
     * @return the semantic byte followed by the list's header and content
     */
    byte[] toBytes();

    /**
     * The templates the value's records use, innermost first (a list inside a list's records comes before
     * the list's own template): what a collector must receive before a record holding this value.
     *
     * @return an unmodifiable list, empty for a basicList
     */
    default List<Template> templates() {
        return List.of();
    }

    /**
     * Puts this value in field {@code index} of a record being built and says the record uses the value's
     * {@link #templates()}, so that {@link IpfixEncoder} sends them before the record.
     *
     * @param builder the record being built
     * @param index the list field
     * @return {@code builder}
     */
    default FlowRecord.Builder writeTo(FlowRecord.Builder builder, int index) {
        return builder.setBytes(index, toBytes()).referencing(templates().toArray(new Template[0]));
    }

    /**
     * Reads field {@code index} of {@code record} by its element's data type (basicList, subTemplateList or
     * subTemplateMultiList), copying what it holds.
     *
     * @param record the record holding the list
     * @param index the list field's position in the record's template
     * @param lookup finds the templates the list names, and gives the registry a basicList's elements are read
     *        with ({@link IpfixContext} and {@link IpfixMessage} give the decoder's)
     * @return a {@link BasicList}, {@link SubTemplateList} or {@link SubTemplateMultiList}
     * @throws IllegalArgumentException if the field is not of a list type, or a template it names is unknown
     * @throws io.github.flowcodec.core.FlowCodecException if its bytes are not a well-formed list
     */
    static StructuredValue read(FlowFields record, int index, TemplateLookup lookup) {
        return read(record, index, lookup, lookup.registry());
    }

    /**
     * Reads field {@code index} of {@code record} as {@link #read(FlowFields, int, TemplateLookup)} does, a
     * basicList's elements from {@code registry}. The byte offsets of a malformed list's exception count from
     * the first byte of the buffer the record is in: the datagram's, for a record view of the zero-copy path (as
     * the decoder's own offsets do when the datagram starts at position 0), the record's own first byte for a
     * {@link io.github.flowcodec.core.FlowRecord}.
     *
     * @param record a record with a list field
     * @param index the list field's position in the record's template
     * @param lookup finds the templates the list names
     * @param registry reads a basicList's element ids
     * @return the list, materialized
     * @throws IllegalArgumentException if the field is not of a list type, or a template it names is unknown
     * @throws io.github.flowcodec.core.FlowCodecException if its bytes are not a well-formed list
     */
    static StructuredValue read(FlowFields record, int index, TemplateLookup lookup, InformationElementRegistry registry) {
        DataType type = record.template().field(index).element().dataType();
        switch (type) {
            case BASIC_LIST:
                return new BasicListView().wrap(record, index, registry).toList();
            case SUB_TEMPLATE_LIST: {
                SubTemplateListView v = new SubTemplateListView().wrap(record, index, lookup);
                if (v.template().isEmpty()) {
                    throw new IllegalArgumentException("subTemplateList of unknown template " + v.templateId());
                }
                return v.toList();
            }
            case SUB_TEMPLATE_MULTI_LIST:
                try {
                    return new SubTemplateMultiListView().wrap(record, index, lookup).toList();
                } catch (IllegalStateException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            default:
                throw new IllegalArgumentException("field " + index + " (" + record.template().field(index).element()
                        + ") is not a list but " + type.ianaName());
        }
    }
}
