package de.nrw.activation.groups.phase;

import de.nrw.activation.platform.problem.ProblemException;
import de.nrw.activation.platform.web.ETags;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The programme phases: listed for everyone, added and changed by the coordinator. */
@ApplicationScoped
public class Phases {

    /** The most phases there may be: GET /phases answers them all, and the document bounds that list by it. */
    public static final int MAX_PHASES = 1000;

    public List<Phase> all() {
        return Phase.listAll(Sort.by("startDate").and("id"));
    }

    public Phase find(String id) {
        Phase phase = Phase.findById(id);
        if (phase == null) {
            throw ProblemException.notFound("Phase", id);
        }
        return phase;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Phase add(String id, String name, LocalDate start, LocalDate end, Set<String> jobcenterIds) {
        checkPeriod(start, end);
        if (Phase.findById(id) != null) {
            throw ProblemException.conflict("duplicate-phase", "Phase " + id + " already exists");
        }
        if (Phase.count() >= MAX_PHASES) {
            throw ProblemException.conflict("phase-limit", "There are " + MAX_PHASES + " phases, the most the "
                    + "service keeps (GET /phases lists them all)");
        }
        Phase phase = new Phase();
        phase.id = id;
        apply(phase, name, start, end, jobcenterIds);
        phase.persistAndFlush();
        return phase;
    }

    /** Groups already scheduled in the phase stay as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Phase change(String id, String ifMatch, String name, LocalDate start, LocalDate end, Set<String> jobcenterIds) {
        Phase phase = find(id);
        ETags.checkIfMatch(ifMatch, phase.version);
        checkPeriod(start, end);
        apply(phase, name, start, end, jobcenterIds);
        phase.persistAndFlush();
        return phase;
    }

    private static void apply(Phase phase, String name, LocalDate start, LocalDate end, Set<String> jobcenterIds) {
        phase.name = name.strip();
        phase.startDate = start;
        phase.endDate = end;
        if (!new TreeSet<>(jobcenterIds).equals(new TreeSet<>(phase.jobcenterIds))) {
            phase.jobcenterIds.clear();
            phase.jobcenterIds.addAll(jobcenterIds);
        }
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw ProblemException.rule("phase-period", "A phase must end on or after its start date");
        }
    }
}
