package de.nrw.activation.demo;

import de.nrw.activation.clients.SuiteApis;
import de.nrw.activation.clients.groups.model.AttendanceEntry;
import de.nrw.activation.clients.groups.model.AttendanceStatus;
import de.nrw.activation.clients.groups.model.EnterParticipation;
import de.nrw.activation.clients.groups.model.ExitParticipation;
import de.nrw.activation.clients.groups.model.ExitReason;
import de.nrw.activation.clients.groups.model.Group;
import de.nrw.activation.clients.groups.model.Provider;
import de.nrw.activation.clients.groups.model.ProviderType;
import de.nrw.activation.clients.groups.model.ScheduleGroup;
import de.nrw.activation.clients.groups.model.Session;
import de.nrw.activation.clients.groups.model.SessionStatus;
import de.nrw.activation.clients.outcomes.model.Checkpoint;
import de.nrw.activation.clients.outcomes.model.OutcomeKind;
import de.nrw.activation.clients.outcomes.model.RecordFollowUp;
import de.nrw.activation.clients.outcomes.model.RecordOutcome;
import de.nrw.activation.clients.participants.model.CustomerType;
import de.nrw.activation.clients.participants.model.Gender;
import de.nrw.activation.clients.participants.model.LabourMarketDistance;
import de.nrw.activation.clients.participants.model.RegisterParticipant;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/**
 * Creates the Phase I demo dataset through the public HTTP APIs of the four services only, with the
 * clients generated from their OpenAPI documents (module clients):
 * participants, groups with timetables, participations, attendance, exits, outcomes and
 * follow-ups, such that the whereabouts report equals the programme's evaluation table.
 * Deterministic (fixed seed); every participant gets a fresh customer number per run, so
 * load it into empty databases.
 *
 * <pre>
 * java -cp ... de.nrw.activation.demo.DemoLoader [--participants URL] [--groups URL]
 *      [--outcomes URL] [--reporting URL] [--key deploy/local/dev-keys/privateKey.pem]
 * </pre>
 */
public final class DemoLoader {

    // the local Keycloak realm's issuer and audience; the realm signs with the same DEV ONLY key
    static final String ISSUER = "http://127.0.0.1:8180/realms/activation";
    static final String AUDIENCE = "activation-suite";
    static final String DEV_KEY_ID = "FF5gUoR1qRcahycRII3JaRRDCMp0g8Ee2_-J_8DRz9A";
    private static final LocalDate FIRST_GROUP_START = LocalDate.of(2011, 9, 5);
    private static final LocalDate LAST_GROUP_START = LocalDate.of(2012, 6, 18);
    private static final String[] FIRST_NAMES = {"Anna", "Ben", "Clara", "Deniz", "Elif", "Finn", "Greta", "Hakan",
            "Ida", "Jonas", "Katrin", "Lukas", "Mia", "Nils", "Olga", "Paul", "Rita", "Sven", "Tanja", "Uwe"};
    private static final String[] LAST_NAMES = {"Becker", "Demir", "Fischer", "Hoffmann", "Kaya", "Koch", "Krüger",
            "Lange", "Meyer", "Neumann", "Richter", "Schmidt", "Schulz", "Wagner", "Weber", "Yilmaz", "Zimmermann"};

    enum Fate { INTEGRATED_FAST, INTEGRATED, MINIJOB, UNEMPLOYED, OTHER, DROPOUT }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Requests in flight: enough to keep four services busy, few enough for a 2-core machine (-Ddemo.threads=N to try
     *  others: 16 was not faster on the shared 2-core machine, issue 16). */
    private static final int THREADS = Integer.getInteger("demo.threads", 8);
    private static final List<String> STEPS = List.of("register the participants", "schedule the groups",
            "enter the groups", "attendance and exits", "outcomes and follow-ups");

    private final PrivateKey key;
    private final SuiteApis api;
    private volatile Progress progress;

    /** Where the four services answer. */
    public record Urls(String participants, String groups, String outcomes, String reporting) {
        public static Urls local() {
            return new Urls("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8083",
                    "http://127.0.0.1:8084");
        }
    }

    public DemoLoader(Urls urls, Path privateKey) {
        this.key = readKey(privateKey);
        this.api = SuiteApis.of(new SuiteApis.Urls(urls.participants(), urls.groups(), urls.outcomes(), urls.reporting()),
                null, Calls.TIMEOUT); // the caller's token goes with each call (Calls.bearer)
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Urls local = Urls.local();
        Urls urls = new Urls(options.getOrDefault("participants", local.participants()),
                options.getOrDefault("groups", local.groups()), options.getOrDefault("outcomes", local.outcomes()),
                options.getOrDefault("reporting", local.reporting()));
        DemoLoader loader = new DemoLoader(urls, Path.of(options.getOrDefault("key", "deploy/local/dev-keys/privateKey.pem")));
        long started = System.nanoTime();
        loader.load();
        System.out.printf("Loaded %d participants of %d Jobcenters in %d s%n", Phase1Dataset.TOTAL_N,
                Phase1Dataset.PROJECTS.size(), (System.nanoTime() - started) / 1_000_000_000L);
    }

    /**
     * Loads every project step by step across all groups at once: first every participant, then
     * every group, every entry, attendance and exits, then the whereabouts. A service learns what
     * it needs of another (a participant for an entry, an exit for a follow-up) through events;
     * loading in steps gives those events the time of a whole step to arrive, so hardly a request
     * waits for one. Each group draws from its own seeded random numbers, so the dataset is the
     * same whichever thread loads it. Prints the progress every few seconds.
     */
    public void load() throws Exception {
        progress = new Progress(Phase1Dataset.TOTAL_N, STEPS, System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-progress");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(() -> System.out.println(progress.line(System.nanoTime())),
                PROGRESS_EVERY.toSeconds(), PROGRESS_EVERY.toSeconds(), TimeUnit.SECONDS);
        try {
            List<GroupLoad> groups = new ArrayList<>();
            int seed = 2011;
            for (Phase1Dataset.Project project : Phase1Dataset.PROJECTS) {
                int projectSeed = seed++;
                List<Fate> fates = fates(project, new Random(projectSeed));
                List<List<Integer>> split = split(project.n());
                String token = staffToken(project.jobcenterId());
                for (int g = 0; g < split.size(); g++) {
                    groups.add(new GroupLoad(project, token, g, split.size(), split.get(g), fates,
                            new Random(projectSeed * 1000L + g)));
                }
            }
            List<Consumer<GroupLoad>> steps = List.of(this::registerMembers, this::scheduleGroup, this::enterMembers,
                    this::attendAndExit, this::recordWhereabouts);
            for (int i = 0; i < steps.size(); i++) {
                Consumer<GroupLoad> step = steps.get(i);
                long stepStarted = System.nanoTime();
                inParallel(pool, groups, group -> {
                    step.accept(group);
                    progress.participantsDone(group.positions.size());
                });
                progress.nextStep();
                // where the time goes (issue 16): one line per step
                System.out.printf("step %d of %d (%s) done in %.1f s%n", i + 1, steps.size(), STEPS.get(i),
                        (System.nanoTime() - stepStarted) / 1e9);
            }
            System.out.printf("waited %d times for events (%.1f s of sleep across the threads)%n",
                    Calls.EVENT_WAITS.get(), Calls.EVENT_WAIT_MILLIS.get() / 1000.0);
        } finally {
            reporter.shutdownNow();
            pool.shutdownNow();
        }
    }

    private static void inParallel(ExecutorService pool, List<GroupLoad> groups, Consumer<GroupLoad> step)
            throws Exception {
        List<Future<?>> work = new ArrayList<>();
        for (GroupLoad group : groups) {
            work.add(pool.submit(() -> step.accept(group)));
        }
        for (Future<?> future : work) {
            future.get();
        }
    }

    public String staffToken(String jobcenter) {
        return Jwt.issuer(ISSUER).upn("demo-" + jobcenter).subject("demo-" + jobcenter)
                .audience(AUDIENCE).groups(Set.of("jobcenter-staff")).claim("jobcenter", jobcenter).expiresIn(3600)
                .jws().keyId(DEV_KEY_ID).sign(key);
    }

    public String coordinatorToken() {
        return Jwt.issuer(ISSUER).upn("demo-coordinator").subject("demo-coordinator")
                .audience(AUDIENCE).groups(Set.of("coordinator")).expiresIn(3600).jws().keyId(DEV_KEY_ID).sign(key);
    }

    /** Exactly the project's integrations and minijobs; the rest spread over the other fates. */
    private static List<Fate> fates(Phase1Dataset.Project project, Random random) {
        List<Fate> fates = new ArrayList<>();
        int fast = Math.min(project.integrations(), (int) Math.round(project.n() * Phase1Dataset.FAST_INTEGRATION_SHARE));
        for (int i = 0; i < project.integrations(); i++) {
            fates.add(i < fast ? Fate.INTEGRATED_FAST : Fate.INTEGRATED);
        }
        for (int i = 0; i < project.minijobs(); i++) {
            fates.add(Fate.MINIJOB);
        }
        int rest = project.n() - fates.size();
        int dropouts = Math.min(rest, (int) Math.round(project.n() * Phase1Dataset.DROPOUT_SHARE));
        int other = Math.min(rest - dropouts, (int) Math.round(project.n() * Phase1Dataset.OTHER_SHARE));
        for (int i = 0; i < rest; i++) {
            fates.add(i < dropouts ? Fate.DROPOUT : i < dropouts + other ? Fate.OTHER : Fate.UNEMPLOYED);
        }
        Collections.shuffle(fates, random);
        return fates;
    }

    /** Balanced groups of at most 20. */
    private static List<List<Integer>> split(int n) {
        int count = (n + 19) / 20;
        List<List<Integer>> groups = new ArrayList<>();
        int next = 0;
        for (int g = 0; g < count; g++) {
            int size = n / count + (g < n % count ? 1 : 0);
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                members.add(next++);
            }
            groups.add(members);
        }
        return groups;
    }

    /** One group of a project while it loads: what each step needs of the steps before. */
    private static final class GroupLoad {
        final Phase1Dataset.Project project;
        final String token;
        final int index;
        final int count;
        final List<Integer> positions;
        final List<Fate> fates;
        final Random random;
        final List<Member> people = new ArrayList<>();
        UUID groupId;
        LocalDate start;
        LocalDate end;
        final List<LocalDate> sessions = new ArrayList<>();

        GroupLoad(Phase1Dataset.Project project, String token, int index, int count, List<Integer> positions,
                  List<Fate> fates, Random random) {
            this.project = project;
            this.token = token;
            this.index = index;
            this.count = count;
            this.positions = positions;
            this.fates = fates;
            this.random = random;
        }
    }

    private void registerMembers(GroupLoad g) {
        for (int position : g.positions) {
            g.people.add(register(g.project, g.token, position, g.fates.get(position), g.random));
        }
    }

    private void scheduleGroup(GroupLoad g) {
        long span = ChronoUnit.WEEKS.between(FIRST_GROUP_START, LAST_GROUP_START);
        LocalDate start = FIRST_GROUP_START.plusWeeks(g.count == 1 ? span / 2 : span * g.index / (g.count - 1));
        start = start.with(DayOfWeek.MONDAY);
        int weeks = 6 + g.index % 3;
        boolean provider = g.index % 3 == 2;
        List<DayOfWeek> days;
        String dailyStart;
        String dailyEnd;
        switch (g.index % 3) {
            case 0 -> { days = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY); dailyStart = "08:30"; dailyEnd = "12:00"; }
            case 1 -> { days = List.of(MONDAY, WEDNESDAY, FRIDAY); dailyStart = "09:00"; dailyEnd = "13:00"; }
            default -> { days = List.of(TUESDAY, WEDNESDAY, THURSDAY); dailyStart = "09:00"; dailyEnd = "12:30"; }
        }
        String city = g.project.city();
        // an education provider is named by its id too (its staff's token claim `provider`): one per Jobcenter here,
        // Herne's is bildungswerk-ruhr, the provider of the DEV ONLY realm's user provider-herne
        Provider by = provider
                ? new Provider().type(ProviderType.EDUCATION_PROVIDER).name("Bildungswerk " + city + " gGmbH")
                        .id("herne".equals(g.project.jobcenterId()) ? "bildungswerk-ruhr" : "bildungswerk-" + g.project.jobcenterId())
                : new Provider().type(ProviderType.JOBCENTER).name("Jobcenter " + city);
        ScheduleGroup group = new ScheduleGroup().jobcenterId(g.project.jobcenterId()).phaseId(Phase1Dataset.PHASE)
                .name("Aktivierungsgruppe " + city + " " + (g.index + 1)).provider(by)
                .location("Jobcenter " + city + ", Raum " + (101 + g.index))
                .coaches(List.of("Jobcoach " + (char) ('A' + g.index % 26))).startDate(start).weeks(weeks)
                .meetingDays(days.stream().map(day -> de.nrw.activation.clients.groups.model.DayOfWeek.fromValue(day.name())).toList())
                .dailyStart(dailyStart).dailyEnd(dailyEnd).capacity(20);
        String key = Calls.idempotencyKey();
        Group created = Calls.call(() -> api.groups().scheduleGroup(group, key, Calls.bearer(g.token)));
        g.groupId = created.getId();
        g.start = start;
        g.end = created.getEndDate();
        for (Session session : Calls.call(() -> api.sessions().listSessions(g.groupId.toString(), Calls.bearer(g.token)))) {
            if (session.getStatus() != SessionStatus.CANCELLED) {
                g.sessions.add(session.getDate());
            }
        }
    }

    private void enterMembers(GroupLoad g) {
        for (Member member : g.people) {
            EnterParticipation entry = new EnterParticipation().participantId(member.participantId).entryDate(g.start);
            String key = Calls.idempotencyKey();
            member.participationId = Calls.eventually(() -> api.participations()
                    .assignParticipant(g.groupId.toString(), entry, key, Calls.bearer(g.token))).getId();
            member.exitDate = switch (member.fate) {
                case INTEGRATED_FAST -> g.sessions.get(g.sessions.size() * 3 / 5);
                case DROPOUT -> g.sessions.get(g.sessions.size() * 2 / 5);
                default -> g.end;
            };
        }
    }

    private void attendAndExit(GroupLoad g) {
        for (LocalDate day : g.sessions) {
            List<AttendanceEntry> entries = new ArrayList<>();
            for (Member member : g.people) {
                if (!day.isAfter(member.exitDate)) {
                    int roll = g.random.nextInt(100);
                    int unexcused = member.fate == Fate.DROPOUT ? 30 : 4;
                    AttendanceStatus status = roll < unexcused ? AttendanceStatus.UNEXCUSED
                            : roll < unexcused + 6 ? AttendanceStatus.EXCUSED : AttendanceStatus.PRESENT;
                    entries.add(new AttendanceEntry().participantId(member.participantId).status(status));
                }
            }
            if (!entries.isEmpty()) {
                Calls.call(() -> api.attendance().recordAttendance(day.toString(),
                        g.groupId.toString(), entries, Calls.bearer(g.token)));
            }
        }
        for (Member member : g.people) {
            ExitReason reason = switch (member.fate) {
                case INTEGRATED_FAST -> ExitReason.INTEGRATED;
                case DROPOUT -> ExitReason.DROPOUT;
                default -> ExitReason.COMPLETED;
            };
            ExitParticipation exit = new ExitParticipation().exitDate(member.exitDate).reason(reason);
            Calls.call(() -> api.participations().recordExit(member.participationId.toString(), exit,
                    null, Calls.bearer(g.token)));
        }
    }

    private void recordWhereabouts(GroupLoad g) {
        for (Member member : g.people) {
            recordWhereabouts(g.token, member, g.random);
        }
    }

    private static final class Member {
        final UUID participantId;
        final Fate fate;
        UUID participationId;
        LocalDate exitDate;

        Member(UUID participantId, Fate fate) {
            this.participantId = participantId;
            this.fate = fate;
        }
    }

    private Member register(Phase1Dataset.Project project, String token, int position, Fate fate, Random random) {
        RegisterParticipant body = new RegisterParticipant().jobcenterId(project.jobcenterId())
                .customerNumber("DEMO-" + Math.abs(random.nextLong() % 1_000_000_000L) + "-" + position)
                .firstName(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)])
                .lastName(LAST_NAMES[random.nextInt(LAST_NAMES.length)]);
        int age = 18 + random.nextInt(45);
        body.dateOfBirth(LocalDate.of(2011 - age, 1 + random.nextInt(12), 1 + random.nextInt(28)));
        body.gender(random.nextInt(100) < 48 ? Gender.FEMALE : random.nextInt(100) < 98 ? Gender.MALE : Gender.DIVERSE);
        body.customerType(random.nextInt(100) < 35 ? CustomerType.NEW : CustomerType.EXISTING);
        // the share of close-to-market and qualified participants follows the project's structure
        body.labourMarketDistance((position * 0.6180339887) % 1 < project.closeShare()
                ? LabourMarketDistance.CLOSE : LabourMarketDistance.DISTANT);
        body.vocationalQualification((position * 0.4142135623) % 1 < project.qualifiedShare());
        String key = Calls.idempotencyKey();
        return new Member(Calls.call(() -> api.participants().registerParticipant(body, key, Calls.bearer(token))).getId(), fate);
    }

    private void recordWhereabouts(String token, Member member, Random random) {
        LocalDate exit = member.exitDate;
        OutcomeKind kind = null;
        switch (member.fate) {
            case INTEGRATED_FAST -> {
                kind = random.nextInt(100) < 85 ? OutcomeKind.EMPLOYMENT : OutcomeKind.APPRENTICESHIP;
                outcome(token, member, kind, exit.minusDays(1), random);
            }
            case INTEGRATED -> {
                int roll = random.nextInt(100);
                kind = roll < 75 ? OutcomeKind.EMPLOYMENT : roll < 95 ? OutcomeKind.APPRENTICESHIP : OutcomeKind.SELF_EMPLOYMENT;
                outcome(token, member, kind, exit.plusDays(7 + random.nextInt(75)), random);
            }
            case MINIJOB -> outcome(token, member, OutcomeKind.MINIJOB, exit.plusDays(5 + random.nextInt(55)), random);
            default -> { }
        }
        switch (member.fate) {
            case INTEGRATED_FAST, INTEGRATED -> {
                boolean still = random.nextDouble() < Phase1Dataset.STILL_INTEGRATED_AT_SIX_MONTHS;
                followUp(token, member, Checkpoint.EXIT, member.fate == Fate.INTEGRATED_FAST ? kind : OutcomeKind.UNEMPLOYED, exit);
                followUp(token, member, Checkpoint.MONTH_3, kind, exit.plusMonths(3));
                followUp(token, member, Checkpoint.MONTH_6, still ? kind : OutcomeKind.UNEMPLOYED, exit.plusMonths(6));
            }
            case MINIJOB -> {
                followUp(token, member, Checkpoint.EXIT, OutcomeKind.UNEMPLOYED, exit);
                followUp(token, member, Checkpoint.MONTH_3, OutcomeKind.MINIJOB, exit.plusMonths(3));
                followUp(token, member, Checkpoint.MONTH_6, OutcomeKind.MINIJOB, exit.plusMonths(6));
            }
            case UNEMPLOYED -> {
                followUp(token, member, Checkpoint.EXIT, OutcomeKind.UNEMPLOYED, exit);
                followUp(token, member, Checkpoint.MONTH_3, OutcomeKind.UNEMPLOYED, exit.plusMonths(3));
                followUp(token, member, Checkpoint.MONTH_6, random.nextInt(100) < 10 ? OutcomeKind.OTHER : OutcomeKind.UNEMPLOYED, exit.plusMonths(6));
            }
            case OTHER -> {
                followUp(token, member, Checkpoint.EXIT, OutcomeKind.UNEMPLOYED, exit);
                followUp(token, member, Checkpoint.MONTH_3, OutcomeKind.OTHER, exit.plusMonths(3));
            }
            case DROPOUT -> { }
        }
    }

    private void outcome(String token, Member member, OutcomeKind kind, LocalDate start, Random random) {
        boolean employment = kind == OutcomeKind.EMPLOYMENT;
        RecordOutcome body = new RecordOutcome().participantId(member.participantId).kind(kind).startDate(start)
                .temporaryAgency(employment && random.nextInt(100) < 30)
                .fixedTerm(employment && random.nextInt(100) < 40)
                .employer(employment ? "Beispiel GmbH" : null);
        String key = Calls.idempotencyKey();
        Calls.eventually(() -> api.outcomes().recordOutcome(body, key, Calls.bearer(token)));
    }

    private void followUp(String token, Member member, Checkpoint checkpoint, OutcomeKind status, LocalDate checkedOn) {
        RecordFollowUp body = new RecordFollowUp().checkpoint(checkpoint).status(status).checkedOn(checkedOn);
        String key = Calls.idempotencyKey();
        Calls.eventually(() -> api.followUps().recordFollowUp(member.participationId.toString(), body,
                key, Calls.bearer(token)));
    }

    private static PrivateKey readKey(Path file) {
        try {
            String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the DEV ONLY signing key " + file, e);
        }
    }
}
