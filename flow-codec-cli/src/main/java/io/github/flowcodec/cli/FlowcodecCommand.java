package io.github.flowcodec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowcodec} command: decode captures, generate flows, run the demo. */
@Command(name = "flowcodec", mixinStandardHelpOptions = true, version = "flowcodec 0.1.0-SNAPSHOT",
        description = "Reads and writes NetFlow v5, NetFlow v9, IPFIX and sFlow v5.",
        subcommands = {DecodeCommand.class, ListenCommand.class, GenerateCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:", "  flowcodec demo", "  flowcodec decode capture.pcap", "  flowcodec listen -l 0.0.0.0:2055 -l 0.0.0.0:6343",
            "  flowcodec decode flows.ipfix",
            "  flowcodec generate --protocol netflow5 --flows 1000 --pcap flows.pcap",
            "  flowcodec generate --protocol ipfix --target 127.0.0.1:4739 --rate 2000 --exporters 4 --continuous"})
public final class FlowcodecCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status (0 ok, 1 unreadable input or failed check, 2 usage error). */
    public static int run(String... args) {
        return new CommandLine(new FlowcodecCommand()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: decode, listen, generate or demo");
    }
}
