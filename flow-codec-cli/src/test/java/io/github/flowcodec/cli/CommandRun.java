package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.pcap.CaptureReader;
import io.github.flowcodec.cli.internal.pcap.CapturedPacket;
import io.github.flowcodec.cli.internal.pcap.UdpDatagram;
import io.github.flowcodec.cli.internal.pcap.UdpDatagramExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Runs {@code flowcodec} in this JVM with standard output and error captured; reads the UDP datagrams of a pcap. */
record CommandRun(int exit, String out, String err) {

    static synchronized CommandRun run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = FlowcodecCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    /** Every UDP datagram of a capture, in order. */
    static List<UdpDatagram> datagrams(Path pcap) throws IOException {
        List<UdpDatagram> out = new ArrayList<>();
        try (CaptureReader r = CaptureReader.open(pcap)) {
            Optional<CapturedPacket> p;
            while ((p = r.next()).isPresent()) {
                out.add(UdpDatagramExtractor.extract(p.get()).orElseThrow());
            }
        }
        return out;
    }
}
