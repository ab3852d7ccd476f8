package io.github.flowcodec.sflow;

import io.github.flowcodec.sflow.internal.RecordTypes;
import java.util.Objects;

/**
 * One counter record of a {@link CounterSample}: the interface counters of the sFlow v5 specification,
 * processor, port name, the Host sFlow host and virtual-machine structures, a registered enterprise
 * format ({@link Extension}) or any other record kept as its bytes ({@link Unknown}).
 *
 * <p>Every counter is held in a {@code long}: 32-bit counters are unsigned 0 to 2^32-1, 64-bit counters
 * are the 64 bits as sent (read them with {@link Long#toUnsignedString} above 2^63). A value of all ones
 * means "unknown" in the specification and is kept as it is.
 *
 * <p>The standard records ({@link Standard}) are declared one family to a file ({@link InterfaceCounters},
 * {@link HostCounters}, {@link VirtualMachineCounters}, {@link ApplicationCounters}) and named through this interface:
 * {@code CounterData.Vlan}.
 *
 * <pre>{@code
 * for (CounterData d : counterSample.records()) {
 *     if (d instanceof CounterData.GenericInterface g) {
 *         meter.record(g.ifIndex(), g.ifInOctets(), g.ifOutOctets());
 *     }
 * }
 * }</pre>
 */
public sealed interface CounterData extends InterfaceCounters, HostCounters, VirtualMachineCounters, ApplicationCounters
        permits CounterData.Standard, CounterData.Extension, CounterData.Unknown {

    /**
     * The enterprise of the record's data format.
     *
     * @return the top 20 bits of the record's data_format, 0 for sFlow.org's own formats
     */
    long enterprise();

    /**
     * The format of the record's data format.
     *
     * @return the low 12 bits of the record's data_format (1 generic interface, 2 Ethernet ...)
     */
    int format();

    /**
     * A standard record of enterprise 0 (every typed counter record but {@link Extension} and {@link Unknown}).
     *
     * <pre>{@code
     * boolean standard = record instanceof CounterData.Standard;
     * }</pre>
     */
    sealed interface Standard extends CounterData
            permits InterfaceCounters.GenericInterface, InterfaceCounters.Ethernet, InterfaceCounters.TokenRing,
            InterfaceCounters.Vg100, InterfaceCounters.Vlan, InterfaceCounters.Ieee80211, InterfaceCounters.Lacp,
            InterfaceCounters.Sfp, InterfaceCounters.RadioUtilization, InterfaceCounters.PortName,
            HostCounters.Processor, HostCounters.HostDescription, HostCounters.HostAdapters,
            HostCounters.HostParent, HostCounters.HostCpu, HostCounters.HostMemory, HostCounters.HostDiskIo,
            HostCounters.HostNetIo, HostCounters.Mib2Ip, HostCounters.Mib2Icmp, HostCounters.Mib2Tcp,
            HostCounters.Mib2Udp, VirtualMachineCounters.VirtNode, VirtualMachineCounters.VirtCpu,
            VirtualMachineCounters.VirtMemory, VirtualMachineCounters.VirtDiskIo, VirtualMachineCounters.VirtNetIo,
            ApplicationCounters.AppOperations, ApplicationCounters.AppResources, ApplicationCounters.AppWorkers {
        @Override
        default long enterprise() {
            return 0;
        }

        /** The format, from its structure's descriptor. */
        @Override
        default int format() {
            return RecordTypes.of(getClass()).formatOf(this);
        }
    }

    /**
     * A record of an enterprise format registered with {@link SflowExtensions}: its decoded value.
     *
     * <pre>{@code
     * if (d instanceof CounterData.Extension e && e.value() instanceof MyVendorCounters v) { ... }
     * }</pre>
     *
     * @param enterprise the enterprise number, 1 to 1048575
     * @param format the format number, 0 to 4095
     * @param value the value the extension decoded
     */
    record Extension(long enterprise, int format, Object value) implements CounterData {
        /**
         * Checks that the enterprise fits 20 bits and the format 12 and no reference is null.
         *
         * @param enterprise the enterprise number, 1 to 1048575
         * @param format the format number, 0 to 4095
         * @param value the value the extension decoded
         */
        public Extension {
            Sflow.dataFormat(enterprise, format);
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A counter record the decoder does not know (or, in lenient mode, a known one whose content did not
     * parse), kept as its bytes and re-encoded byte for byte.
     *
     * <pre>{@code
     * new CounterData.Unknown(0, 2200, bytes);
     * }</pre>
     *
     * @param enterprise the enterprise number, 0 to 1048575
     * @param format the format number, 0 to 4095
     * @param bytes the record data as sent, without XDR padding
     */
    record Unknown(long enterprise, int format, OpaqueBytes bytes) implements CounterData, OpaqueData {
        /**
         * A record of a copy of {@code data}.
         *
         * @param enterprise the enterprise number, 0 to 1048575
         * @param format the format number, 0 to 4095
         * @param data the record data as sent, without XDR padding
         */
        public Unknown(long enterprise, int format, byte[] data) {
            this(enterprise, format, OpaqueBytes.copyOf(data));
        }

        /**
         * Checks that the enterprise fits 20 bits and the format 12.
         *
         * @param enterprise the enterprise number, 0 to 1048575
         * @param format the format number, 0 to 4095
         * @param bytes the record data as sent, without XDR padding
         */
        public Unknown {
            Sflow.dataFormat(enterprise, format);
            Objects.requireNonNull(bytes, "bytes");
        }
    }
}
