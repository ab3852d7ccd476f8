package io.github.flowcodec.ipfix;

import io.github.flowcodec.core.Template;
import java.util.Optional;

/**
 * Finds the template a subTemplateList or subTemplateMultiList names (RFC 6313): the templates of the
 * exporter's scope at the time the record was decoded. {@link IpfixContext} is one on the zero-copy path,
 * {@link IpfixMessage} on the materialized path.
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

    /** A lookup that knows no template. */
    TemplateLookup NONE = id -> Optional.empty();
}
