package org.commonground.bench;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonground.forum.planning.ConsortiumMatcher;
import org.commonground.forum.planning.MatchingProject;
import org.commonground.forum.planning.MatchingRules;
import org.commonground.forum.planning.MeetingRequest;
import org.commonground.forum.planning.MeetingScheduler;
import org.commonground.forum.planning.Proposal;
import org.commonground.forum.planning.Schedule;
import org.commonground.forum.planning.ScheduleProblem;

/**
 * How far the forum's fast solvers fall short of the optimum, with OR-Tools CP-SAT as the exact
 * reference. Matching: for each project of small synthetic forums, the best team CP-SAT proves
 * optimal against the matcher's best team (the same linear score, scaled to integers for CP-SAT
 * and re-scored in doubles by the matcher). Scheduling: priority weight and meetings placed by the
 * scheduler against CP-SAT's optimum (or its best bound when the time limit stops it).
 *
 * <p>Usage: {@code ./commonground bench org.commonground.bench.ForumSolverGap [--forums 10]
 * [--organizations 300] [--projects 20] [--days 10] [--seconds 20]}. Last line: JSON.
 */
public final class ForumSolverGap {
    private static final long SCALE = 1_000_000;

    public static void main(String[] args) {
        Map<String, Long> o = SyntheticForum.options(
                args, Map.of("forums", 10L, "organizations", 300L, "projects", 20L, "days", 10L, "seconds", 20L));
        Loader.loadNativeLibraries();
        double limit = o.get("seconds");
        List<Double> gaps = new ArrayList<>();
        List<Double> tightGaps = new ArrayList<>();
        int optimal = 0;
        int instances = 0;
        for (int f = 0; f < o.get("forums"); f++) {
            var forum = SyntheticForum.matching(
                    o.get("organizations").intValue(), o.get("projects").intValue(), 100 + f);
            MatchingRules rules = MatchingRules.defaults().withProposals(1);
            var matcher = ConsortiumMatcher.of(forum.organizations(), forum.projects(), forum.conflicts(), rules);
            var tight =
                    ConsortiumMatcher.pruned(forum.organizations(), forum.projects(), forum.conflicts(), rules, 4, 1);
            for (int p = 0; p < forum.projects().size(); p++) {
                int[] best = exactTeam(matcher, forum, p, limit);
                List<Proposal> ours = matcher.propose(p);
                if (best == null) {
                    if (!ours.isEmpty()) {
                        throw new IllegalStateException("CP-SAT found no team where the matcher did, project " + p);
                    }
                    continue;
                }
                double exact = Math.max(
                        matcher.score(p, best),
                        ours.isEmpty() ? 0 : ours.getFirst().score());
                double heuristic = ours.isEmpty() ? 0 : ours.getFirst().score();
                List<Proposal> tightTop = tight.propose(p);
                double gap = (exact - heuristic) / exact;
                gaps.add(gap);
                tightGaps.add(
                        (exact - (tightTop.isEmpty() ? 0 : tightTop.getFirst().score())) / exact);
                instances++;
                if (gap < 1e-9) {
                    optimal++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "matching: %d projects, heuristic optimal on %d, mean gap %.5f, max gap %.5f;"
                        + " with 4+1 candidates per seat instead: mean gap %.5f, max %.5f%n",
                instances,
                optimal,
                mean(gaps),
                max(gaps),
                mean(tightGaps),
                max(tightGaps));

        List<Double> weightGaps = new ArrayList<>();
        List<Double> countGaps = new ArrayList<>();
        int provenDays = 0;
        long[][] shapes = {{30, 90, 3, 8}, {60, 200, 20, 8}, {200, 600, 30, 16}};
        for (int d = 0; d < o.get("days"); d++) {
            long[] shape = shapes[d % shapes.length];
            ScheduleProblem day =
                    SyntheticForum.day((int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3], 500 + d);
            Schedule ours = MeetingScheduler.schedule(day);
            double[] exact = exactSchedule(day, limit);
            long weight = MeetingScheduler.weight(day, ours);
            weightGaps.add((exact[0] - weight) / exact[0]);
            countGaps.add((exact[2] - ours.scheduled()) / exact[2]);
            if (exact[1] == exact[0]) {
                provenDays++;
            }
            System.out.printf(
                    Locale.ROOT,
                    "day %d (%d delegates, %d requests, %d tables x %d slots): weight %d vs CP-SAT %.0f"
                            + " (bound %.0f), meetings %d vs %.0f, upper bound %d%n",
                    d,
                    shape[0],
                    shape[1],
                    shape[2],
                    shape[3],
                    weight,
                    exact[0],
                    exact[1],
                    ours.scheduled(),
                    exact[2],
                    ours.upperBound());
        }
        System.out.printf(
                Locale.ROOT,
                "{\"matchingProjects\":%d,\"matchingOptimal\":%d,\"matchingMeanGap\":%.5f,"
                        + "\"matchingMaxGap\":%.5f,\"days\":%d,\"daysProvenOptimal\":%d,\"scheduleMeanWeightGap\":%.5f,"
                        + "\"scheduleMaxWeightGap\":%.5f,\"scheduleMeanCountGap\":%.5f}%n",
                instances,
                optimal,
                mean(gaps),
                max(gaps),
                weightGaps.size(),
                provenDays,
                mean(weightGaps),
                max(weightGaps),
                mean(countGaps));
    }

    /** CP-SAT's best team for project {@code p} under the matcher's hard constraints and score, or null if none exists. */
    private static int[] exactTeam(ConsortiumMatcher matcher, SyntheticForum.Matching forum, int p, double seconds) {
        MatchingRules rules = matcher.rules();
        MatchingProject project = forum.projects().get(p);
        int n = forum.organizations().size();
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[n];
        List<List<Literal>> seats = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int o = 0; o < n; o++) {
            if (matcher.eligible(o, p)) {
                x[o] = model.newBoolVar("o" + o);
                seats.get(forum.organizations().get(o).seat()).add(x[o]);
                objective.addTerm(x[o], Math.round(SCALE * matcher.memberTerm(o, p)));
            }
        }
        List<Literal> all = new ArrayList<>();
        for (List<Literal> seat : seats) {
            if (rules.allowTwoSeats()) {
                model.addAtMostOne(seat);
            } else {
                if (seat.isEmpty()) {
                    return null;
                }
                model.addExactlyOne(seat);
            }
            all.addAll(seat);
        }
        if (rules.allowTwoSeats()) {
            model.addGreaterOrEqual(LinearExpr.sum(all.toArray(Literal[]::new)), 2);
        }
        for (int[] c : forum.conflicts()) {
            if (x[c[0]] != null && x[c[1]] != null) {
                model.addAtMostOne(new Literal[] {x[c[0]], x[c[1]]});
            }
        }
        double total = project.totalWeight();
        for (int i = 0; i < project.required().length; i++) {
            List<BoolVar> holders = new ArrayList<>();
            for (int o = 0; o < n; o++) {
                if (x[o] != null && (matcher.coverageMask(o, p) >>> i & 1L) != 0) {
                    holders.add(x[o]);
                }
            }
            if (holders.isEmpty()) {
                continue;
            }
            BoolVar covered = model.newBoolVar("c" + i);
            LinearExpr count = LinearExpr.sum(holders.toArray(BoolVar[]::new));
            model.addLessOrEqual(covered, count);
            double w = project.weights()[i] / total;
            // covered: coverage + the half of complementarity it gives back; every holder: the overlap it costs.
            objective.addTerm(covered, Math.round(SCALE * (rules.coverage() + rules.complementarity() / 2) * w));
            for (BoolVar h : holders) {
                objective.addTerm(h, -Math.round(SCALE * rules.complementarity() / 2 * w));
            }
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(2);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return null;
        }
        int[] team = {-1, -1, -1};
        for (int o = 0; o < n; o++) {
            if (x[o] != null && solver.booleanValue(x[o])) {
                team[forum.organizations().get(o).seat()] = o;
            }
        }
        return team;
    }

    /** {best weight found, proven bound on the weight, meetings in that solution}. */
    private static double[] exactSchedule(ScheduleProblem day, double seconds) {
        CpModel model = new CpModel();
        int slots = day.slots();
        List<List<Literal>> perSlot = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            perSlot.add(new ArrayList<>());
        }
        List<List<Literal>> perDelegateSlot = new ArrayList<>();
        for (int i = 0; i < day.availability().length * slots; i++) {
            perDelegateSlot.add(new ArrayList<>());
        }
        LinearExprBuilder objective = LinearExpr.newBuilder();
        List<BoolVar> everything = new ArrayList<>();
        for (int m = 0; m < day.meetings().size(); m++) {
            MeetingRequest r = day.meetings().get(m);
            long common = r.published() ? 1L << r.publishedSlot() : day.commonAvailability(m);
            List<Literal> options = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                if ((common >>> s & 1L) == 0) {
                    continue;
                }
                BoolVar v = model.newBoolVar("m" + m + "s" + s);
                options.add(v);
                everything.add(v);
                perSlot.get(s).add(v);
                for (int d : r.delegates()) {
                    perDelegateSlot.get(d * slots + s).add(v);
                }
                objective.addTerm(v, r.weight());
            }
            if (!options.isEmpty()) {
                model.addAtMostOne(options);
            }
        }
        for (List<Literal> slot : perSlot) {
            model.addLessOrEqual(LinearExpr.sum(slot.toArray(Literal[]::new)), day.tables());
        }
        for (List<Literal> busy : perDelegateSlot) {
            if (busy.size() > 1) {
                model.addAtMostOne(busy);
            }
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(2);
        solver.solve(model);
        long meetings = everything.stream().filter(solver::booleanValue).count();
        return new double[] {solver.objectiveValue(), solver.bestObjectiveBound(), meetings};
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
