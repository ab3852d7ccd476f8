package io.github.flowcodec.sflow;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Test helpers for the interop tests: a classic pcap writer (Ethernet/IPv4/UDP) and finding tools on the PATH. */
final class InteropSupport {

    private InteropSupport() {
    }

    /** The executable {@code name} on the PATH (or in /usr/sbin, where Debian puts sfacctd), if any. */
    static Optional<Path> tool(String name) {
        String path = System.getenv("PATH");
        for (String dir : ((path == null ? "" : path) + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin")
                .split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Writes each payload as an Ethernet/IPv4/UDP frame from 192.0.2.1:50000 to 192.0.2.2:6343. */
    static void writePcap(Path file, List<byte[]> payloads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262_144).putInt(1);
        out.writeBytes(h.array());
        int i = 0;
        for (byte[] p : payloads) {
            int len = 14 + 20 + 8 + p.length;
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            rec.putInt(1_577_836_800 + i).putInt(0).putInt(len).putInt(len);
            out.writeBytes(rec.array());
            ByteBuffer f = ByteBuffer.allocate(len);
            f.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            int ip = f.position();
            f.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + p.length)).putShort((short) i).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {(byte) 192, 0, 2, 1})
                    .put(new byte[] {(byte) 192, 0, 2, 2});
            int sum = 0;
            for (int k = 0; k < 20; k += 2) {
                sum += f.getShort(ip + k) & 0xFFFF;
            }
            while ((sum >>> 16) != 0) {
                sum = (sum & 0xFFFF) + (sum >>> 16);
            }
            f.putShort(ip + 10, (short) ~sum);
            f.putShort((short) 50000).putShort((short) Sflow.PORT).putShort((short) (8 + p.length)).putShort((short) 0);
            f.put(p);
            out.writeBytes(f.array());
            i++;
        }
        Files.write(file, out.toByteArray());
    }

    /** Runs a command, returning its stdout; fails the test if it does not end within the time. */
    static String run(List<String> command, Path stderr) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not end");
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
