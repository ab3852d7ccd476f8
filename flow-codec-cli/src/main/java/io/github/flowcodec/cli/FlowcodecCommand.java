package io.github.flowcodec.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowcodec} command: decode captures, generate flows, run the demo. */
@Command(name = "flowcodec", mixinStandardHelpOptions = true, version = "flowcodec 0.1.0-SNAPSHOT",
        description = "Reads and writes NetFlow v5, NetFlow v9, IPFIX and sFlow v5.",
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

    /** The subcommands by name, in the order the usage lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("decode", DecodeCommand::new);
        SUBCOMMANDS.put("listen", ListenCommand::new);
        SUBCOMMANDS.put("generate", GenerateCommand::new);
        SUBCOMMANDS.put("demo", DemoCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    /** Runs the command and returns its exit status (0 ok, 1 unreadable input or failed check, 2 usage error). */
    public static int run(String... args) {
        return commandLine(args.length == 0 ? null : args[0]).execute(args);
    }

    /** The command with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command with the subcommand named {@code first} alone when it names one other than help (picocli reads
     * the options of every subcommand it is given, a third of a second of start-up for all of them), else with
     * every subcommand.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new FlowcodecCommand());
        boolean one = first != null && SUBCOMMANDS.containsKey(first) && !first.equals("help");
        SUBCOMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                cl.addSubcommand(command.get());
            }
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: decode, listen, generate or demo");
    }
}
