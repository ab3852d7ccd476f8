package io.github.flowcodec.cli;

import io.github.flowcodec.cli.internal.json.FlowOutput;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The record output options {@code decode} and {@code listen} share (a mixin): where, in which format, which fields. */
final class RecordOutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the records to FILE instead of standard output")
    Path file;

    @Option(names = "--all-fields", description = "add every field of the record under its information element name")
    boolean allFields;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (goflow2's JSON record, every key, etype and proto by name: the default), json-compact (the "
                + "fields the record has, numbers as numbers), protobuf (goflow2's FlowMessage, each preceded by its length as a varint) "
                + "or csv (a header row of goflow2's keys, then one row a record: the values of goflow2's JSON record, RFC 4180)")
    String format;

    /** A usage error for a format that is not one, or one without a place for {@code --all-fields}. */
    void check(CommandSpec spec) {
        try {
            FlowOutput.check(format, allFields);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
