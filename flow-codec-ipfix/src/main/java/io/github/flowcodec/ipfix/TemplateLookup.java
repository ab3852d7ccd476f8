package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.InformationElementRegistry;
import io.github.flowcodec.core.Template;
import java.util.Optional;

/**
 * Finds the template a subTemplateList or subTemplateMultiList names (RFC 6313): the templates of the
 * exporter's scope at the time the record was decoded, and the registry its elements come from.
 * {@link IpfixContext} is one on the zero-copy path, {@link IpfixMessage} on the materialized path: both
 * answer with what the decoder used, so {@link StructuredValue#read(io.github.flowcodec.core.FlowFields, int,
 * TemplateLookup)} needs nothing else.
 *
 * <pre>{@code
 * TemplateLookup lookup = id -> Optional.ofNullable(myTemplates.get(id));
 * SubTemplateListView list = new SubTemplateListView().wrap(record, index, lookup);
 * }</pre>
 */
@FunctionalInterface
public interface TemplateLookup {

    /**
     * The template with this id, if known.
     *
     * @param templateId the template id, 256 to 65535
     * @return the template, or empty if it is unknown in this scope
     */
    Optional<Template> template(int templateId);

    /**
     * The registry a basicList's element ids are read with: the decoder's (its vendor elements and the scope's
     * RFC 5610 type records included) for {@link IpfixContext} and {@link IpfixMessage}.
     *
     * @return the registry; {@link InformationElementRegistry#standard()} unless the lookup knows better
     */
    default InformationElementRegistry registry() {
        return InformationElementRegistry.standard();
    }

    /** A lookup that knows no template. */
    TemplateLookup NONE = id -> Optional.empty();
}
