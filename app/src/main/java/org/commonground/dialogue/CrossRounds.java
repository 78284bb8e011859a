package org.commonground.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.CrossRoundAnalysis;
import org.commonground.analysis.CrossRoundOptions;
import org.commonground.analysis.CrossRoundResult;
import org.commonground.analysis.RoundSeries;
import org.commonground.problem.CommonGroundException;
import org.commonground.results.AnalysisInput;
import org.commonground.results.Results;
import org.commonground.statement.Statements;
import org.jdbi.v3.core.Jdbi;

/**
 * A dialogue's rounds read into the engine's {@link RoundSeries} and analysed across rounds: the
 * rounds the reader may see the results of, their votes and cohorts as stored now, the opinion groups
 * of each round's live result, the returning people (one column per round) and the carried
 * statements (one row per statement as it first appeared). A result is kept until a vote, a
 * returning person or a carried statement changes what it was computed from.
 */
final class CrossRounds {
    /** The paired bootstrap runs on the request's thread, alone: a dialogue page must not take every core. */
    static final CrossRoundOptions OPTIONS = CrossRoundOptions.defaults().withThreads(1);

    private final Jdbi jdbi;
    private final DialogueStore dialogues;
    private final ReturningStore returning;
    private final Statements statements;
    private final Results results;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    CrossRounds(Jdbi jdbi, DialogueStore dialogues, ReturningStore returning, Statements statements, Results results) {
        this.jdbi = jdbi;
        this.dialogues = dialogues;
        this.returning = returning;
        this.statements = statements;
        this.results = results;
    }

    /**
     * The analysis of the rounds of {@code d} that {@code readable} admits (by conversation id), in
     * round order, with the origin statement id of each carried row. Empty below two such rounds.
     *
     * @param rounds  the rounds analysed, in order: series round index r is rounds.get(r)
     * @param origins carried row k's statement as it first appeared (its id in its first round)
     */
    record Analysed(List<Dialogue.Round> rounds, long[] origins, CrossRoundResult result, int returningPeople) {}

    private record Cached(String fingerprint, Analysed analysed) {}

    Optional<Analysed> analyse(Dialogue d, LongPredicate readable) {
        List<Dialogue.Round> rounds = d.rounds().stream()
                .filter(r -> readable.test(r.conversationId()))
                .toList();
        if (rounds.size() < 2) {
            return Optional.empty();
        }
        List<AnalysisInput> inputs = new ArrayList<>();
        List<AnalysisResult> groups = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder();
        for (Dialogue.Round r : rounds) {
            AnalysisInput in = AnalysisInput.load(jdbi, r.conversationId());
            inputs.add(in);
            AnalysisResult result = null;
            try {
                result = results.latestOrWait(r.conversationId()).result();
            } catch (CommonGroundException busy) {
                // No opinion groups for this round yet: the gaps are still computed, its transitions are not.
            }
            groups.add(result);
            fingerprint
                    .append(r.conversationId())
                    .append(':')
                    .append(in.votes().voteCount())
                    .append(':')
                    .append(result == null ? -1 : System.identityHashCode(result))
                    .append(';');
        }
        List<DialogueStore.Carried> carried = dialogues.carried(d.id());
        List<ReturningStore.PersonRound> people = returning.people(d.id());
        fingerprint.append(carried.size()).append(';').append(people.size());
        Cached hit = cache.get(d.id());
        if (hit != null && hit.fingerprint().contentEquals(fingerprint)) {
            return Optional.of(hit.analysed());
        }
        Map<Long, Integer> roundOfConversation = new HashMap<>();
        for (int r = 0; r < rounds.size(); r++) {
            roundOfConversation.put(rounds.get(r).conversationId(), r);
        }
        // Carried rows: every statement that was carried at least once, by the statement it first was.
        Map<Long, long[]> byOrigin = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        for (DialogueStore.Carried c : carried) {
            ids.add(c.statementId());
            ids.add(c.originStatementId());
        }
        Map<Long, Long> conversationOf = new HashMap<>();
        statements.withIds(ids).forEach(s -> conversationOf.put(s.id(), s.conversationId()));
        for (DialogueStore.Carried c : carried) {
            long[] row = byOrigin.computeIfAbsent(c.originStatementId(), o -> {
                long[] fresh = new long[rounds.size()];
                java.util.Arrays.fill(fresh, -1);
                return fresh;
            });
            place(row, c.originStatementId(), conversationOf, roundOfConversation);
            place(row, c.statementId(), conversationOf, roundOfConversation);
        }
        long[] origins = byOrigin.keySet().stream().mapToLong(Long::longValue).toArray();
        long[][] carriedIds = new long[rounds.size()][origins.length];
        for (int k = 0; k < origins.length; k++) {
            long[] row = byOrigin.get(origins[k]);
            for (int r = 0; r < rounds.size(); r++) {
                carriedIds[r][k] = row[r];
            }
        }
        Map<Long, long[]> byPerson = new LinkedHashMap<>();
        for (ReturningStore.PersonRound p : people) {
            Integer r = roundOfConversation.get(p.conversationId());
            if (r != null) {
                long[] row = byPerson.computeIfAbsent(p.personId(), x -> {
                    long[] fresh = new long[rounds.size()];
                    java.util.Arrays.fill(fresh, -1);
                    return fresh;
                });
                row[r] = p.participantId();
            }
        }
        long[][] personIds = new long[rounds.size()][byPerson.size()];
        int j = 0;
        int returningPeople = 0;
        for (long[] row : byPerson.values()) {
            int present = 0;
            for (int r = 0; r < rounds.size(); r++) {
                personIds[r][j] = row[r];
                present += row[r] >= 0 ? 1 : 0;
            }
            returningPeople += present >= 2 ? 1 : 0;
            j++;
        }
        RoundSeries.Builder series = RoundSeries.builder();
        for (int r = 0; r < rounds.size(); r++) {
            series.round(inputs.get(r).votes(), inputs.get(r).cohorts(), groups.get(r));
        }
        RoundSeries built = series.people(personIds).carried(carriedIds).build();
        Analysed analysed =
                new Analysed(List.copyOf(rounds), origins, CrossRoundAnalysis.run(built, OPTIONS), returningPeople);
        cache.put(d.id(), new Cached(fingerprint.toString(), analysed));
        return Optional.of(analysed);
    }

    private static void place(
            long[] row, long statementId, Map<Long, Long> conversationOf, Map<Long, Integer> roundOfConversation) {
        Long conversation = conversationOf.get(statementId);
        Integer r = conversation == null ? null : roundOfConversation.get(conversation);
        if (r != null) {
            row[r] = statementId;
        }
    }
}
