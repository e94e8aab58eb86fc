import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark harness's own tool (run from source: {@code java -cp <kafka+jackson+pg> BenchTool.java <command>}).
 * Commands:
 * <ul>
 *   <li>{@code produce <bootstrap> <count> <mix|entries> <seed>}: writes CloudEvents 1.0 JSON events as the services
 *       publish them (structured mode, key = participant id, group events keyed by group id) for 18 Jobcenters.</li>
 *   <li>{@code raw-consume <bootstrap> <count>}: a plain KafkaConsumer on the three topics, counting records.</li>
 *   <li>{@code await-projection <statusUrl> <token> <target> <timeoutSeconds>}: polls the projection status until the
 *       events applied reach the target; prints the catch-up time.</li>
 *   <li>{@code lag <participantsUrl> <groupsUrl> <reportingUrl> <jdbcGroups> <rate> <seconds>}: end-to-end lag.</li>
 *   <li>{@code reports <reportingUrl> <token> <phaseId> <repeats>}: report latency per dimension.</li>
 * </ul>
 * Prints results as plain lines; the shell scripts collect them.
 */
public class BenchTool {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] PHASE_1 = {"bochum", "kreis-coesfeld", "kreis-dueren", "duesseldorf", "hamm", "herne",
            "muelheim", "rhein-kreis-neuss", "kreis-paderborn", "kreis-steinfurt"};
    static final String[] PHASE_2 = {"kreis-euskirchen", "kreis-guetersloh", "kreis-heinsberg", "kreis-herford",
            "koeln", "remscheid", "kreis-warendorf", "wuppertal"};
    static final String[] GENDERS = {"FEMALE", "MALE", "DIVERSE", "UNSPECIFIED"};
    static final String[] AGE_BANDS = {"UNDER_25", "AGE_25_TO_49", "AGE_50_PLUS"};
    static final String[] KINDS = {"EMPLOYMENT", "APPRENTICESHIP", "SELF_EMPLOYMENT", "MINIJOB", "UNEMPLOYED", "OTHER"};
    static final String[] REASONS = {"COMPLETED", "INTEGRATED", "DROPOUT", "OTHER"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "produce" -> produce(args[1], Long.parseLong(args[2]), args[3], Long.parseLong(args[4]));
            case "raw-consume" -> rawConsume(args[1], Long.parseLong(args[2]));
            case "await-projection" -> awaitProjection(args[1], args[2], Long.parseLong(args[3]), Long.parseLong(args[4]));
            case "lag" -> lag(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "reports" -> reports(args[1], args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    // ------------------------------------------------------------------ events

    record Grp(UUID id, String jobcenter, String phase, String providerType, LocalDate start, LocalDate end) { }

    static final class Events {
        final KafkaProducer<String, byte[]> producer;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong acked = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        Instant time = Instant.parse("2013-01-01T08:00:00Z");

        Events(String bootstrap) {
            Map<String, Object> c = new HashMap<>();
            c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ProducerConfig.ACKS_CONFIG, "all");
            c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            c.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            c.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            producer = new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer());
        }

        /** A CloudEvents 1.0 structured-mode JSON event, as platform EventEnvelope.serialize writes it. */
        void send(String topic, String key, String source, String type, String subject, ObjectNode data) {
            time = time.plusMillis(7);
            ObjectNode e = JSON.createObjectNode();
            e.put("specversion", "1.0");
            e.put("id", UUID.randomUUID().toString());
            e.put("source", source);
            e.put("type", type);
            e.put("datacontenttype", "application/json");
            e.put("subject", subject);
            e.put("time", time.toString());
            e.set("data", data);
            byte[] value;
            try {
                value = JSON.writeValueAsBytes(e);
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, value);
            r.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            sent.incrementAndGet();
            producer.send(r, (m, x) -> {
                if (x == null) acked.incrementAndGet(); else failed.incrementAndGet();
            });
        }
    }

    static ObjectNode obj() { return JSON.createObjectNode(); }

    static void produce(String bootstrap, long count, String mode, long seed) throws Exception {
        Random rnd = new Random(seed);
        Events ev = new Events(bootstrap);
        long t0 = System.nanoTime();
        // 18 Jobcenters, 50 groups each, in their phase
        List<Grp> groups = new ArrayList<>();
        for (int j = 0; j < 18; j++) {
            boolean p1 = j < 10;
            String jc = p1 ? PHASE_1[j] : PHASE_2[j - 10];
            for (int g = 0; g < 50; g++) {
                LocalDate start = (p1 ? LocalDate.of(2011, 9, 5) : LocalDate.of(2012, 12, 3)).plusWeeks(g % 40);
                groups.add(new Grp(new UUID(seed, j * 1000L + g), jc, p1 ? "PHASE_1" : "PHASE_2",
                        g % 3 == 0 ? "EDUCATION_PROVIDER" : "JOBCENTER", start, start.plusWeeks(8).minusDays(3)));
            }
        }
        long n = 0;
        if (mode.equals("mix")) {
            for (Grp g : groups) {
                ObjectNode d = obj();
                d.put("groupId", g.id().toString()); d.put("jobcenterId", g.jobcenter()); d.put("phaseId", g.phase());
                d.put("providerType", g.providerType()); d.put("startDate", g.start().toString());
                d.put("endDate", g.end().toString()); d.put("capacity", 20);
                d.putArray("meetingDays").add("MONDAY").add("TUESDAY").add("THURSDAY"); d.put("hoursPerWeek", 12.0);
                ev.send("group-events", g.id().toString(), "/groups-service", "group.scheduled.v1", g.id().toString(), d);
                n++;
            }
        }
        long p = 0;
        while (n < count) {
            p++;
            Grp g = groups.get(rnd.nextInt(groups.size()));
            UUID pid = UUID.randomUUID();
            String ps = pid.toString();
            String gender = GENDERS[rnd.nextInt(10) < 5 ? 0 : rnd.nextInt(10) < 9 ? 1 : 2 + rnd.nextInt(2)];
            String age = AGE_BANDS[rnd.nextInt(3)];
            String ct = rnd.nextInt(3) == 0 ? "NEW" : "EXISTING";
            String dist = rnd.nextInt(10) < 6 ? "CLOSE" : "DISTANT";
            boolean qual = rnd.nextInt(10) < 6;
            if (mode.equals("mix")) {
                ObjectNode d = obj();
                d.put("participantId", ps); d.put("jobcenterId", g.jobcenter()); d.put("gender", gender); d.put("ageBand", age);
                d.put("customerType", ct); d.put("labourMarketDistance", dist); d.put("vocationalQualification", qual);
                ev.send("participant-events", ps, "/participants-service", "participant.registered.v1", ps, d);
                if (++n >= count) break;
            }
            UUID part = UUID.randomUUID();
            LocalDate entry = g.start().plusDays(rnd.nextInt(7));
            ObjectNode d = obj();
            d.put("participationId", part.toString()); d.put("participantId", ps); d.put("groupId", g.id().toString());
            d.put("jobcenterId", g.jobcenter()); d.put("phaseId", g.phase()); d.put("providerType", g.providerType());
            d.put("entryDate", entry.toString()); d.put("gender", gender); d.put("ageBand", age); d.put("customerType", ct);
            d.put("labourMarketDistance", dist); d.put("vocationalQualification", qual);
            ev.send("group-events", ps, "/groups-service", "participation.entered.v1", part.toString(), d);
            if (++n >= count) break;
            if (!mode.equals("mix")) continue;
            LocalDate exit = g.end().minusDays(rnd.nextInt(10) < 8 ? 0 : rnd.nextInt(30));
            if (rnd.nextInt(10) < 7) {
                d = obj();
                d.put("participationId", part.toString()); d.put("participantId", ps); d.put("groupId", g.id().toString());
                d.put("jobcenterId", g.jobcenter()); d.put("exitDate", exit.toString());
                d.put("reason", REASONS[rnd.nextInt(10) < 6 ? 0 : 1 + rnd.nextInt(3)]);
                ev.send("group-events", ps, "/groups-service", "participation.exited.v1", part.toString(), d);
                if (++n >= count) break;
            }
            if (rnd.nextInt(10) < 4) {
                UUID oid = UUID.randomUUID();
                d = obj();
                d.put("outcomeId", oid.toString()); d.put("participantId", ps); d.put("jobcenterId", g.jobcenter());
                d.put("kind", KINDS[rnd.nextInt(KINDS.length)]); d.put("startDate", exit.plusDays(rnd.nextInt(80)).toString());
                d.put("temporaryAgency", rnd.nextInt(5) == 0); d.put("fixedTerm", rnd.nextInt(3) == 0);
                ev.send("outcome-events", ps, "/outcomes-service", "outcome.recorded.v1", oid.toString(), d);
                if (++n >= count) break;
            }
            if (rnd.nextInt(10) < 3) {
                UUID fid = UUID.randomUUID();
                d = obj();
                d.put("followUpId", fid.toString()); d.put("participationId", part.toString()); d.put("participantId", ps);
                d.put("jobcenterId", g.jobcenter()); d.put("checkpoint", "MONTH_6");
                d.put("status", KINDS[rnd.nextInt(KINDS.length)]); d.put("checkedOn", exit.plusMonths(6).toString());
                ev.send("outcome-events", ps, "/outcomes-service", "followup.recorded.v1", fid.toString(), d);
                if (++n >= count) break;
            }
        }
        ev.producer.flush();
        ev.producer.close();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("produced %d events (%s, %d participants), acked %d, failed %d, in %.1f s = %.0f events/s%n",
                ev.sent.get(), mode, p, ev.acked.get(), ev.failed.get(), s, ev.acked.get() / s);
        if (ev.failed.get() > 0 || ev.acked.get() != count) System.exit(1);
    }

    static void rawConsume(String bootstrap, long count) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);  // as the projection's batch size
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("participant-events", "group-events", "outcome-events"));
            long n = 0, bytes = 0, first = 0, deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (n < count && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && first == 0) first = System.nanoTime();
                for (var r : records) { n++; bytes += r.value().length; }
                if (!records.isEmpty()) consumer.commitSync();
            }
            double s = (System.nanoTime() - first) / 1e9;
            System.out.printf("raw consumer (one KafkaConsumer, 3 topics, commitSync per poll): %d records, %.1f MB in %.2f s = %.0f records/s%n",
                    n, bytes / 1e6, s, n / s);
        }
    }

    // ------------------------------------------------------------------ HTTP helpers

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long applied(String statusUrl, String token) throws Exception {
        HttpResponse<String> r = get(statusUrl, token);
        if (r.statusCode() != 200) return -1;
        long n = 0;
        for (JsonNode t : JSON.readTree(r.body()).path("topics")) n += t.path("eventsApplied").asLong();
        return n;
    }

    static void awaitProjection(String statusUrl, String token, long target, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long t0 = System.nanoTime(), firstApplied = 0, base = -1, last = -1;
        while (System.nanoTime() < deadline) {
            long n;
            try { n = applied(statusUrl, token); } catch (Exception e) { n = -1; }
            if (n >= 0 && base < 0) base = n;
            if (n > base && firstApplied == 0 && base >= 0) firstApplied = System.nanoTime();
            last = n;
            if (n >= target) {
                long end = System.nanoTime();
                double fromReady = (end - t0) / 1e9;
                double fromFirst = firstApplied == 0 ? 0 : (end - firstApplied) / 1e9;
                System.out.printf("projection applied %d events (target %d): %.1f s from the first status answer, "
                        + "%.1f s from the first applied event = %.0f events/s%n",
                        n, target, fromReady, fromFirst, (n - base) / Math.max(fromFirst, 0.001));
                return;
            }
            Thread.sleep(200);
        }
        System.out.printf("TIMEOUT: projection applied %d of %d events after %d s%n", last, target, timeoutSeconds);
        System.exit(1);
    }

    // ------------------------------------------------------------------ end-to-end lag

    static void lag(String participantsUrl, String groupsUrl, String reportingUrl, String jdbcGroups, int rate, int seconds)
            throws Exception {
        String staff = token("staff", "herne");
        int warm = rate * 2;                 // the first 2 s warm the write path up and are not counted
        int writes = rate * seconds + warm;
        // 1. participants groups-service knows (registered through the API, learnt from participant-events)
        List<UUID> known = knownFree(jdbcGroups);
        if (known.size() < writes) {
            int missing = writes - known.size();
            System.out.printf("registering %d participants for the lag run%n", missing);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            String prefix = "LAG" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
            AtomicInteger bad = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(missing);
            for (int i = 0; i < missing; i++) {
                int k = i;
                pool.submit(() -> {
                    try {
                        String body = "{\"jobcenterId\":\"herne\",\"customerNumber\":\"" + prefix + "-" + k + "\",\"firstName\":\"A\","
                                + "\"lastName\":\"B\",\"dateOfBirth\":\"1985-02-03\",\"gender\":\"MALE\",\"customerType\":\"NEW\","
                                + "\"labourMarketDistance\":\"CLOSE\",\"vocationalQualification\":true}";
                        if (post(participantsUrl + "/api/v1/participants", staff, body).statusCode() != 201) bad.incrementAndGet();
                    } catch (Exception e) { bad.incrementAndGet(); }
                    finally { done.countDown(); }
                });
            }
            done.await();
            pool.shutdown();
            if (bad.get() > 0) System.out.printf("  %d registrations failed%n", bad.get());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((known = knownFree(jdbcGroups)).size() < writes && System.nanoTime() < until) Thread.sleep(500);
            if (known.size() < writes) throw new IllegalStateException("groups-service knows only " + known.size());
        }
        // 2. groups of 20 places in Phase I for Jobcenter herne
        int groupsNeeded = (writes + 19) / 20;
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < groupsNeeded; g++) {
            String body = "{\"jobcenterId\":\"herne\",\"phaseId\":\"PHASE_1\",\"name\":\"Lastgruppe " + g + "\","
                    + "\"provider\":{\"type\":\"JOBCENTER\",\"name\":\"Jobcenter Herne\"},\"location\":\"Raum 1\","
                    + "\"coaches\":[\"Coach\"],\"startDate\":\"2012-01-09\",\"weeks\":6,"
                    + "\"meetingDays\":[\"MONDAY\",\"TUESDAY\",\"THURSDAY\"],\"dailyStart\":\"09:00\",\"dailyEnd\":\"12:00\",\"capacity\":20}";
            HttpResponse<String> r = post(groupsUrl + "/api/v1/groups", staff, body);
            if (r.statusCode() != 201) throw new IllegalStateException("group: " + r.statusCode() + " " + r.body());
            groups.add(JSON.readTree(r.body()).path("id").asText());
        }
        String report = reportingUrl + "/api/v1/reports/whereabouts?phaseId=PHASE_1&groupBy=jobcenter";
        long base = reportN(report, staff);
        System.out.printf("set up: %d participants, %d groups; report N before = %d%n", writes, groups.size(), base);

        // 3. a poller reading the report back to back: (time received, N)
        List<long[]> polls = new ArrayList<>();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long n = reportN(report, staff);
                    synchronized (polls) { polls.add(new long[]{System.nanoTime(), n}); }
                    Thread.sleep(5);
                } catch (InterruptedException e) { return; } catch (Exception e) { /* keep polling */ }
            }
        });
        poller.start();

        // 4. fixed-rate writes (open loop: each write is scheduled at its slot, not after the previous answer)
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ConcurrentLinkedQueue<long[]> committed = new ConcurrentLinkedQueue<>();
        Histogram writeLatency = new Histogram(3);
        AtomicInteger failures = new AtomicInteger(), next = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(writes);
        List<UUID> people = known.subList(0, writes);
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= writes) return;
            long slot = start + i * (1_000_000_000L / rate);
            senders.submit(() -> {
                try {
                    String body = "{\"participantId\":\"" + people.get(i) + "\",\"entryDate\":\"2012-01-10\"}";
                    HttpResponse<String> r = post(groupsUrl + "/api/v1/groups/" + groups.get(i % groups.size()) + "/participations", staff, body);
                    long now = System.nanoTime();
                    if (i >= warm) synchronized (writeLatency) { writeLatency.recordValue((now - slot) / 1000); }
                    if (r.statusCode() == 201) committed.add(new long[]{now, i}); else {
                        if (failures.incrementAndGet() <= 3) System.out.println("  write failed: " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) { failures.incrementAndGet(); }
                finally { all.countDown(); }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        all.await(seconds + 120L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        // wait until the report shows every committed write (at most 60 s)
        long expected = base + committed.size();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            synchronized (polls) { if (!polls.isEmpty() && polls.get(polls.size() - 1)[1] >= expected) break; }
            Thread.sleep(50);
        }
        poller.interrupt();
        poller.join();
        senders.shutdown();

        // 5. the k-th committed write is visible at the first poll answered with N >= base + k
        List<long[]> commits = new ArrayList<>(committed);
        commits.sort((a, b) -> Long.compare(a[0], b[0]));
        Histogram lag = new Histogram(3);
        int p = 0, unseen = 0;
        List<long[]> ps;
        synchronized (polls) { ps = new ArrayList<>(polls); }
        for (int k = 0; k < commits.size(); k++) {
            while (p < ps.size() && (ps.get(p)[1] < base + k + 1 || ps.get(p)[0] < commits.get(k)[0])) p++;
            if (p >= ps.size()) { unseen = commits.size() - k; break; }
            if (commits.get(k)[1] >= warm) lag.recordValue(Math.max(0, (ps.get(p)[0] - commits.get(k)[0]) / 1000));
        }
        Histogram pollTimes = new Histogram(3);
        for (int i = 1; i < ps.size(); i++) pollTimes.recordValue(Math.max(1, (ps.get(i)[0] - ps.get(i - 1)[0]) / 1000));
        System.out.printf("writes: %d offered at %d/s (first %d = 2 s warm-up, not in the figures), %d committed (201), %d failed, offered over %.1f s; "
                        + "write latency from scheduled slot p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                writes, rate, warm, commits.size(), failures.get(), sendSeconds, writeLatency.getValueAtPercentile(50) / 1e3,
                writeLatency.getValueAtPercentile(99) / 1e3, writeLatency.getMaxValue() / 1e3);
        System.out.printf("report polls: %d, interval p50 %.1f ms (lag resolution); writes never seen in the report: %d%n",
                ps.size(), pollTimes.getValueAtPercentile(50) / 1e3, unseen);
        System.out.printf("end-to-end lag (201 received -> report shows it): p50 %.0f ms, p99 %.0f ms, max %.0f ms (target p99 < 1000 ms: %s)%n",
                lag.getValueAtPercentile(50) / 1e3, lag.getValueAtPercentile(99) / 1e3, lag.getMaxValue() / 1e3,
                unseen == 0 && lag.getValueAtPercentile(99) < 1_000_000 ? "MET" : "MISSED");
    }

    static long reportN(String url, String token) throws Exception {
        HttpResponse<String> r = get(url, token);
        if (r.statusCode() != 200) throw new IllegalStateException("report " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body()).path("total").path("n").asLong();
    }

    /** Participants of herne groups-service knows and that have no participation yet. */
    static List<UUID> knownFree(String jdbc) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT k.id FROM known_participant k WHERE k.jobcenter_id = 'herne' AND NOT k.erased "
                             + "AND NOT EXISTS (SELECT 1 FROM participation p WHERE p.participant_id = k.id) ORDER BY k.id")) {
            while (rs.next()) ids.add(rs.getObject(1, UUID.class));
        }
        return ids;
    }

    static String token(String... args) throws Exception {
        String script = System.getenv().getOrDefault("TOKEN_SCRIPT", "deploy/local/token.sh");
        List<String> cmd = new ArrayList<>(List.of(script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String t = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) throw new IllegalStateException("token.sh failed");
        return t;
    }

    // ------------------------------------------------------------------ report latency

    static void reports(String reportingUrl, String token, String phase, int repeats) throws Exception {
        String[] dims = {"jobcenter", "providerType", "ageBand", "gender", "customerType", "labourMarketDistance",
                "vocationalQualification", "entryQuarter", "entryMonth"};
        for (String dim : dims) {
            String url = reportingUrl + "/api/v1/reports/whereabouts?groupBy=" + dim + (phase.equals("all") ? "" : phase.startsWith("&") ? phase : "&phaseId=" + phase);
            Histogram h = new Histogram(3);
            long n = 0;
            for (int i = 0; i < repeats + 3; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = get(url, token);
                long us = (System.nanoTime() - t) / 1000;
                if (r.statusCode() != 200) throw new IllegalStateException(dim + ": " + r.statusCode() + " " + r.body());
                if (i >= 3) h.recordValue(us); else n = JSON.readTree(r.body()).path("total").path("n").asLong();
            }
            System.out.printf("whereabouts %s groupBy=%-24s N=%d: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests after 3 warm-up; target < 200 ms: %s)%n",
                    phase, dim, n, h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3,
                    repeats, h.getMaxValue() < 200_000 ? "MET" : h.getValueAtPercentile(50) < 200_000 ? "MET at p50, max over" : "MISSED");
        }
    }
}
