import io.github.flowcodec.core.FlowRecord;
import io.github.flowcodec.ipfix.IpfixEncoder;
import io.github.flowcodec.netflow9.Netflow9Encoder;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;

/**
 * One-off: seeds from the codec modules' jqwik generators (their *Arbitraries test classes), encoded, into the
 * fuzz targets' inputs directories. Run with the source launcher, the fuzz module's test class path and the
 * codec modules' compiled test classes:
 *
 * <pre>
 * java -cp "$(cat cp.txt):flow-codec-netflow5/target/test-classes:flow-codec-netflow9/target/test-classes:\
 * flow-codec-ipfix/target/test-classes:flow-codec-sflow/target/test-classes" \
 *     flow-codec-fuzz/src/test/seeds/JqwikSeeds.java flow-codec-fuzz/src/test/resources/io/github/flowcodec/fuzz
 * </pre>
 */
public class JqwikSeeds {

    static Arbitrary<?> arbitrary(String cls, String method, Object... args) throws Exception {
        Class<?> c = Class.forName(cls);
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                return (Arbitrary<?>) m.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(cls + "." + method);
    }

    static byte[] frame(List<byte[]> datagrams) {
        int n = 0;
        for (byte[] d : datagrams) {
            n += 2 + d.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] d : datagrams) {
            b.putShort((short) d.length).put(d);
        }
        return b.array();
    }

    static List<byte[]> bytes(List<ByteBuffer> buffers) {
        List<byte[]> out = new ArrayList<>();
        for (ByteBuffer b : buffers) {
            byte[] a = new byte[b.remaining()];
            b.duplicate().get(a);
            out.add(a);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int n = 6;
        Path v5 = Files.createDirectories(root.resolve("Netflow5FuzzTestInputs/decode"));
        List<?> packets = arbitrary("io.github.flowcodec.netflow5.Netflow5Arbitraries", "packets").sampleStream().limit(n).toList();
        for (int i = 0; i < packets.size(); i++) {
            Files.write(v5.resolve("jqwik-packets-" + i), (byte[]) packets.get(i));
        }
        Path v9 = Files.createDirectories(root.resolve("Netflow9FuzzTestInputs/decode"));
        List<?> v9lists = arbitrary("io.github.flowcodec.netflow9.Netflow9Arbitraries", "recordLists", 30).sampleStream().limit(n).toList();
        for (int i = 0; i < v9lists.size(); i++) {
            Netflow9Encoder e = Netflow9Encoder.builder().sourceId(77).maxDatagramSize(1400).clock(() -> 1_600_000_000_000L).build();
            List<byte[]> ds = bytes(e.encode((List<FlowRecord>) v9lists.get(i)));
            Files.write(v9.resolve("jqwik-recordLists-" + i), frame(ds.subList(0, Math.min(ds.size(), 8))));
        }
        Path ipfix = Files.createDirectories(root.resolve("IpfixFuzzTestInputs/decode"));
        Path stream = Files.createDirectories(root.resolve("IpfixFuzzTestInputs/stream"));
        List<?> ipLists = arbitrary("io.github.flowcodec.ipfix.IpfixArbitraries", "recordLists", 30).sampleStream().limit(n).toList();
        List<?> nested = arbitrary("io.github.flowcodec.ipfix.IpfixArbitraries", "nested", 400, 2).sampleStream().limit(3).toList();
        List<List<FlowRecord>> all = new ArrayList<>();
        for (Object o : ipLists) {
            all.add((List<FlowRecord>) o);
        }
        for (Object t : nested) {
            all.add((List<FlowRecord>) ((net.jqwik.api.Tuple.Tuple2<?, ?>) t).get2());
        }
        for (int i = 0; i < all.size(); i++) {
            IpfixEncoder e = IpfixEncoder.builder().observationDomainId(77).maxDatagramSize(1400).templateRefreshInterval(Duration.ZERO)
                    .clock(() -> 1_700_000_000_123L).build();
            List<byte[]> ms = bytes(e.encode(all.get(i)));
            ms = ms.subList(0, Math.min(ms.size(), 8));
            String name = i < ipLists.size() ? "jqwik-recordLists-" + i : "jqwik-nested-" + (i - ipLists.size());
            Files.write(ipfix.resolve(name), frame(ms));
            ByteBuffer s = ByteBuffer.allocate(1 + ms.stream().mapToInt(m -> m.length).sum()).put((byte) (17 * i));
            ms.forEach(s::put);
            Files.write(stream.resolve(name), s.array());
        }
        Path sflow = Files.createDirectories(root.resolve("SflowFuzzTestInputs/decode"));
        List<?> dgs = arbitrary("io.github.flowcodec.sflow.SflowArbitraries", "datagramBytes").sampleStream().limit(n).toList();
        List<byte[]> d = new ArrayList<>();
        for (Object o : dgs) {
            d.add((byte[]) o);
        }
        for (int i = 0; i + 1 < d.size(); i += 2) {
            Files.write(sflow.resolve("jqwik-datagramBytes-" + i / 2), frame(d.subList(i, i + 2)));
        }
        List<?> mutated = arbitrary("io.github.flowcodec.sflow.SflowArbitraries", "mutated").sampleStream().limit(4).toList();
        List<byte[]> m = new ArrayList<>();
        for (Object o : mutated) {
            m.add((byte[]) o);
        }
        Files.write(sflow.resolve("jqwik-mutated"), frame(m));
    }
}
