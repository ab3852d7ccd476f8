package io.github.flowcodec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --target} → {@code listen --http} → a real HTTP server on loopback that checks what OpenObserve's
 * {@code _json} endpoint requires (POST to its path, the auth header, a JSON array of objects) and keeps the
 * records it accepts: every record arrives once and is what {@code decode} prints for the same packets; a server
 * answering 500 for a while loses nothing and the retries are counted; 401 is reported with the server's message,
 * the records are counted, and listen keeps receiving.
 */
class HttpTransportTest {

    private static final String PATH = "/api/default/netflow1/_json";
    private static final String CREDENTIALS = "Basic cm9vdEBleGFtcGxlLmNvbTpDb21wbGV4cGFzcyMxMjM=";
    private static final JsonFactory JSON = new JsonFactory();
    /** Keys that differ between a pcap and the same flows sent later from loopback: when and from where. */
    private static final List<String> SENT_WHEN_AND_WHERE = List.of("time_received_ns", "time_flow_start_ns",
            "time_flow_end_ns", "sampler_address");

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Map<String, String>> stored = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * Starts the store; {@code script} gives the status of request n (from 1) whose request is right: 200 stores
     * its records, anything else stores nothing. A wrong method, path, auth header or body is a 400 or 401.
     */
    private String startStore(IntUnaryOperator script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                int n = requests.incrementAndGet();
                byte[] content;
                try (InputStream in = body(exchange)) {
                    content = in.readAllBytes(); // read whole, as a server does: the connection stays usable
                }
                String refusal = check(exchange);
                if (refusal != null) {
                    refusals.add(refusal);
                    answer(exchange, refusal.startsWith("auth") ? 401 : 400,
                            "{\"code\":" + (refusal.startsWith("auth") ? 401 : 400) + ",\"message\":\"" + refusal + "\"}");
                    return;
                }
                List<Map<String, String>> records;
                try {
                    records = array(content);
                } catch (IOException e) {
                    refusals.add("body: " + e.getMessage());
                    answer(exchange, 400, "{\"code\":400,\"message\":\"not a JSON array of objects\"}");
                    return;
                }
                int status = script.applyAsInt(n);
                if (status == 200) {
                    stored.addAll(records);
                    answer(exchange, 200, "{\"code\":200,\"status\":[{\"name\":\"netflow1\",\"successful\":" + records.size() + ",\"failed\":0}]}");
                } else {
                    answer(exchange, status, "{\"code\":" + status + ",\"message\":\"scripted " + status + "\"}");
                }
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private static String check(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return "method " + exchange.getRequestMethod();
        }
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            return "path " + exchange.getRequestURI().getPath();
        }
        if (!CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return "auth: Unauthorized Access";
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.startsWith("application/json") ? null : "content type " + type;
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        return "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, b.length);
        exchange.getResponseBody().write(b);
    }

    /** A JSON array of flat objects (their members as {@link JsonLines#object} reads them), or an IOException. */
    private static List<Map<String, String>> array(byte[] body) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not an array");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                out.add(JsonLines.object(p));
            }
            if (t != JsonToken.END_ARRAY || p.nextToken() != null) {
                throw new IOException("not an array of objects");
            }
        }
        return out;
    }

    /** What listen printed on standard error, and its exit status. */
    private record Listened(int exit, String err, int datagrams) {
    }

    /** {@code generate} 600 NetFlow v5 flows to a pcap and to {@code listen --http url extra...}. */
    private Listened generateToListen(String url, String... extra) throws Exception {
        String[] common = {"generate", "--flows", "600", "--seed", "7", "--sampling", "10"};
        Path pcap = dir.resolve("v5.pcap");
        List<String> toPcap = new ArrayList<>(List.of(common));
        toPcap.addAll(List.of("--pcap", pcap.toString()));
        assertThat(CommandRun.run(toPcap.toArray(String[]::new)).exit()).isZero();
        int datagrams = CommandRun.datagrams(pcap).size();

        int port = ListenCommandTest.freePort();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-l", "127.0.0.1:" + port, "--count", Integer.toString(datagrams),
                "--stats-interval", "0", "--http", url, "--http-auth-header", "Authorization", "--http-flush-interval", "0.2"));
        args.addAll(List.of(extra));
        CompletableFuture<Integer> exit = ListenCommandTest.listen(err, args.toArray(String[]::new));
        ListenCommandTest.awaitListening(err);
        // nflow-generator's form of the target: -t HOST and the port apart
        List<String> toTarget = new ArrayList<>(List.of(common));
        toTarget.addAll(List.of("-t", "127.0.0.1", "--port", Integer.toString(port), "--rate", "2000", "--progress", "0"));
        CommandRun gen = CommandRun.run(toTarget.toArray(String[]::new));
        assertThat(gen.exit()).as(gen.err()).isZero();
        return new Listened(exit.get(30, TimeUnit.SECONDS), err.toString(), datagrams);
    }

    /** The records decode prints for the pcap, without what depends on when and from where they were sent, sorted. */
    private List<Map<String, String>> decoded() throws IOException {
        return comparable(JsonLines.parse(CommandRun.run("decode", dir.resolve("v5.pcap").toString()).out()));
    }

    private static List<Map<String, String>> comparable(List<Map<String, String>> records) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : records) {
            Map<String, String> m = new LinkedHashMap<>(r);
            SENT_WHEN_AND_WHERE.forEach(m::remove);
            out.add(m);
        }
        out.sort(Comparator.comparing(Map::toString));
        return out;
    }

    @Test
    void everyRecordArrivesOnceAsDecodePrintsIt() throws Exception {
        String url = startStore(n -> 200);
        Listened l = generateToListen(url, "--http-auth-credentials", CREDENTIALS);
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(refusals).isEmpty();
        assertThat(stored).hasSize(600).allSatisfy(r -> assertThat(r).containsEntry("sampler_address", "127.0.0.1")
                .containsEntry("type", "NETFLOW_V5").containsEntry("etype", "IPv4"));
        assertThat(comparable(stored)).isEqualTo(decoded());
        assertThat(l.err()).contains(l.datagrams() + " datagrams", "600 records", "http: 600 records delivered in", "0 retries",
                "0 undelivered");
    }

    @Test
    void aServerAnswering500ForAWhileLosesNothingAndTheRetriesAreCounted() throws Exception {
        String url = startStore(n -> n <= 3 ? 500 : 200);
        Listened l = generateToListen(url, "--http-auth-credentials", CREDENTIALS, "--http-gzip", "--http-batch-size", "50");
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(comparable(stored)).isEqualTo(decoded());
        assertThat(requests.get()).isEqualTo(600 / 50 + 3);
        assertThat(l.err()).contains("http: 600 records delivered in 15 requests, 3 retries, 0 undelivered");
    }

    @Test
    void a401IsReportedCountedAndListenKeepsReceiving() throws Exception {
        String url = startStore(n -> 200);
        Listened l = generateToListen(url, "--http-auth-credentials", "Basic wrong");
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(stored).isEmpty();
        // every datagram was still received and decoded, every record counted as refused, none retried
        assertThat(l.err()).contains(l.datagrams() + " datagrams", "600 records", "answered 401: {\"code\":401,\"message\":\"auth: Unauthorized Access\"}",
                "http: 0 records delivered", "0 retries", "600 undelivered (600 rejected by the server");
        assertThat(requests.get()).isEqualTo(refusals.size()).isBetween(6, 20);
    }

    @Test
    void aBatchStillFailingAtTheGiveUpTimeIsDroppedAndCounted() throws Exception {
        String url = startStore(n -> n <= 2 ? 503 : 200);
        Listened l = generateToListen(url, "--http-auth-credentials", CREDENTIALS, "--http-batch-size", "600", "--http-give-up", "0.25",
                "--http-senders", "1");
        assertThat(l.exit()).as(l.err()).isZero();
        // one batch of 600 (or a few, by the flush interval): the first answered 503 twice, past its 0.25 s: dropped
        assertThat(l.err()).contains("gave up on", "the last: answered 503: {\"code\":503,\"message\":\"scripted 503\"}",
                "given up after retries");
        long delivered = stored.size();
        assertThat(l.err()).contains("http: " + delivered + " records delivered", (600 - delivered) + " undelivered");
        assertThat(delivered).isLessThan(600);
    }
}
