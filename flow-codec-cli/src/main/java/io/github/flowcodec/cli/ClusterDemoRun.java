package io.github.flowcodec.cli;

import java.io.PrintWriter;

/** {@code demo --cluster}, kept apart: the Kafka broker's classes are on the class path only (flowcodec.jar). */
final class ClusterDemoRun {

    private ClusterDemoRun() {
    }

    static int run(PrintWriter out, PrintWriter err, int flows, long seed) throws java.io.IOException, InterruptedException {
        try {
            boolean equal = new io.github.flowcodec.cli.internal.kafka.ClusterDemo(out, flows, seed).run();
            out.flush();
            return equal ? 0 : 1;
        } catch (NoClassDefFoundError e) {
            err.println("demo --cluster needs the Kafka broker's classes: run it as java -jar flowcodec.jar (" + e.getMessage() + ")");
            err.flush();
            return 1;
        }
    }
}
