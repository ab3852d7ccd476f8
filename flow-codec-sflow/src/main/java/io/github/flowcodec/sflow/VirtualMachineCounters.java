package io.github.flowcodec.sflow;

/**
 * The virtual-machine counter records of Host sFlow (0:2100 to 0:2104).
 *
 * <p>Its types are members of {@link CounterData} (which extends this interface), so they are named
 * {@code CounterData.Name}: this file only groups one family's structures.
 *
 * <pre>{@code
 * var cpu = new CounterData.VirtCpu(1, 5_000, 2);
 * }</pre>
 */
public sealed interface VirtualMachineCounters permits CounterData {

    /**
     * 0:2100, virtual node: the hypervisor.
     *
     * <pre>{@code
     * v.numDomains();
     * }</pre>
     */
    record VirtNode(long mhz, long cpus, long memory, long memoryFree, long numDomains) implements CounterData.Standard {
    }

    /**
     * 0:2101, virtual CPU of a domain.
     *
     * <pre>{@code
     * v.cpuTime();
     * }</pre>
     */
    record VirtCpu(long state, long cpuTime, long nrVirtCpu) implements CounterData.Standard {
    }

    /**
     * 0:2102, virtual memory of a domain.
     *
     * <pre>{@code
     * v.maxMemory();
     * }</pre>
     */
    record VirtMemory(long memory, long maxMemory) implements CounterData.Standard {
    }

    /**
     * 0:2103, virtual disk I/O of a domain.
     *
     * <pre>{@code
     * v.rdBytes();
     * }</pre>
     */
    record VirtDiskIo(long capacity, long allocation, long available, long rdReq, long rdBytes, long wrReq,
            long wrBytes, long errs) implements CounterData.Standard {
    }

    /**
     * 0:2104, virtual network I/O of a domain.
     *
     * <pre>{@code
     * v.bytesOut();
     * }</pre>
     */
    record VirtNetIo(long bytesIn, long pktsIn, long errsIn, long dropsIn, long bytesOut, long pktsOut, long errsOut,
            long dropsOut) implements CounterData.Standard {
    }
}
