package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.CaptureDecoding;
import io.github.flowcodec.cli.internal.json.FlowOutput;
import io.github.flowcodec.core.DecodeMode;
import io.github.flowcodec.core.DecoderOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code flowcodec decode}: captures to JSON lines or length-delimited protobuf. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decodes the flow packets in pcap/pcapng captures and prints one JSON object per flow record "
            + "(goflow2's JSON record), or with --format protobuf writes goflow2's FlowMessage, length-delimited. "
            + "Every UDP payload is decoded by the protocol its first bytes announce (NetFlow v5, v9, IPFIX, sFlow v5). "
            + "IPFIX files (RFC 5655: messages back to back) are read too, recognised by their first bytes.",
        footer = {"", "Examples:", "  flowcodec decode capture.pcap", "  flowcodec decode --all-fields a.pcapng b.pcap > flows.jsonl",
            "  flowcodec decode flows.ipfix", "  flowcodec decode --format protobuf capture.pcap -o flows.pb"})
public final class DecodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng captures, or IPFIX files")
    List<Path> files;

    @Option(names = "--strict", description = "reject packets that break the protocol instead of keeping what can be read")
    boolean strict;

    @Mixin
    RecordOutputOptions output;

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        output.check(spec);
        // The writers buffer (64 KiB of whole records): the stream under them needs no buffer of its own.
        OutputStream w = output.file == null ? System.out : Files.newOutputStream(output.file);
        int unreadable = 0;
        try (FlowOutput json = FlowOutput.of(output.format, w, output.allFields)) {
            w.write(FlowOutput.header(output.format));
            DecoderOptions options = DecoderOptions.builder().mode(strict ? DecodeMode.STRICT : DecodeMode.LENIENT).build();
            CaptureDecoding decoding = new CaptureDecoding(json, err, options);
            for (Path f : files) {
                try {
                    decoding.decodeFile(f);
                } catch (IOException e) {
                    unreadable++;
                    err.println(f + ": cannot read: " + describe(e));
                }
                json.flush();
            }
        } finally {
            if (output.file == null) {
                w.flush();
            } else {
                w.close();
            }
        }
        err.flush();
        return unreadable == 0 ? 0 : 1;
    }
}
