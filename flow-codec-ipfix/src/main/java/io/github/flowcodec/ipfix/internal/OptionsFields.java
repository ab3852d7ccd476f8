package io.github.flowcodec.ipfix.internal;

import io.github.flowcodec.core.Iana;
import io.github.flowcodec.core.Template;
import java.util.IdentityHashMap;

/**
 * Where an options template keeps what the IPFIX decoder learns from its records: RFC 5610 information
 * element type records (informationElementId 303, privateEnterpriseNumber 346, informationElementDataType
 * 339, informationElementSemantics 344, informationElementUnits 345, informationElementName 341) and the
 * exporter's systemInitTimeMilliseconds (160). Looked up once per set, cached per template (bounded).
 */
public final class OptionsFields {

    private static final int CACHE_LIMIT = 4096;

    public final int elementId;
    public final int enterprise;
    public final int dataType;
    public final int semantics;
    public final int units;
    public final int name;
    public final int initTime;

    private OptionsFields(Template t) {
        this.elementId = number(t, Iana.INFORMATION_ELEMENT_ID.id());
        this.enterprise = number(t, Iana.PRIVATE_ENTERPRISE_NUMBER.id());
        this.dataType = number(t, Iana.INFORMATION_ELEMENT_DATA_TYPE.id());
        this.semantics = number(t, Iana.INFORMATION_ELEMENT_SEMANTICS.id());
        this.units = number(t, Iana.INFORMATION_ELEMENT_UNITS.id());
        int n = t.indexOf(Iana.INFORMATION_ELEMENT_NAME);
        this.name = n;
        this.initTime = number(t, Iana.SYSTEM_INIT_TIME_MILLISECONDS.id());
    }

    private static int number(Template t, int id) {
        int i = t.indexOf(0, id);
        if (i < 0) {
            return -1;
        }
        int len = t.fieldLength(i);
        return len >= 1 && len <= 8 ? i : -1;
    }

    /** Whether the records are RFC 5610 type records. */
    public boolean typeRecords() {
        return elementId >= 0 && dataType >= 0;
    }

    /** Per-decoder cache by template (identity), bounded. */
    public static final class Cache {
        private final IdentityHashMap<Template, OptionsFields> map = new IdentityHashMap<>();
        private Template lastTemplate;
        private OptionsFields last;

        public OptionsFields of(Template t) {
            if (t == lastTemplate) {
                return last;
            }
            OptionsFields f = map.get(t);
            if (f == null) {
                if (map.size() >= CACHE_LIMIT) {
                    map.clear();
                }
                f = new OptionsFields(t);
                map.put(t, f);
            }
            lastTemplate = t;
            last = f;
            return f;
        }
    }
}
