package org.commonground.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.VoteMatrix;
import org.commonground.results.AnalysisInput;
import org.jdbi.v3.core.Jdbi;

/**
 * What organizers see of a dialogue's participation: in each round, the people who voted by one
 * cohort dimension and how many votes each cast; between rounds, the share of a round's voters who
 * came back to the next one through their return link (the dialogue's returning people). Read from
 * each round's votes and cohorts as stored now, like the analysis across rounds.
 */
final class Turnout {
    private final Jdbi jdbi;
    private final ReturningStore returning;

    Turnout(Jdbi jdbi, ReturningStore returning) {
        this.jdbi = jdbi;
        this.returning = returning;
    }

    /**
     * One round: when it opened (its schedule, else its first vote; null before either), its voters
     * by value of the dimension (null for those who did not say), and each voter's number of votes.
     */
    record Round(int number, long conversationId, Instant at, Map<String, Integer> byValue, int[] votesPerParticipant) {
        int participants() {
            return votesPerParticipant.length;
        }
    }

    /** From round {@code from} to the next: its voters, and how many of them came back (took part in the next round). */
    record Return(int from, int to, int participants, int returned) {
        double rate() {
            return participants == 0 ? 0 : (double) returned / participants;
        }
    }

    record Participation(String dimension, List<Round> rounds, List<Return> returns) {}

    /** The dialogue's participation by {@code dimension}'s values. */
    Participation of(Dialogue d, String dimension) {
        List<Round> rounds = new ArrayList<>();
        List<Set<Long>> voters = new ArrayList<>();
        for (Dialogue.Round r : d.rounds()) {
            AnalysisInput in = AnalysisInput.load(jdbi, r.conversationId());
            VoteMatrix votes = in.votes();
            Cohorts cohorts = in.cohorts();
            Map<String, Integer> byValue = new LinkedHashMap<>();
            Set<Long> who = new HashSet<>();
            List<Integer> perParticipant = new ArrayList<>();
            for (int p = 0; p < votes.participantCount(); p++) {
                int cast = votes.votesOf(p);
                if (cast == 0) {
                    continue;
                }
                long id = votes.participantId(p);
                who.add(id);
                perParticipant.add(cast);
                byValue.merge(cohorts.valueOf(id, dimension).orElse(null), 1, Integer::sum);
            }
            Instant at = r.opensAt() != null ? r.opensAt() : votes.voteCount() > 0 ? votes.firstVote() : null;
            rounds.add(new Round(
                    r.number(),
                    r.conversationId(),
                    at,
                    byValue,
                    perParticipant.stream().mapToInt(Integer::intValue).toArray()));
            voters.add(who);
        }
        Map<Long, Long> personOf = new HashMap<>();
        Map<Long, Set<Long>> roundsOfPerson = new HashMap<>();
        for (ReturningStore.PersonRound pr : returning.people(d.id())) {
            personOf.put(pr.participantId(), pr.personId());
            roundsOfPerson.computeIfAbsent(pr.personId(), x -> new HashSet<>()).add(pr.conversationId());
        }
        List<Return> returns = new ArrayList<>();
        for (int i = 0; i + 1 < rounds.size(); i++) {
            long next = rounds.get(i + 1).conversationId();
            int back = 0;
            for (long participant : voters.get(i)) {
                Long person = personOf.get(participant);
                if (person != null && roundsOfPerson.get(person).contains(next)) {
                    back++;
                }
            }
            returns.add(new Return(
                    rounds.get(i).number(),
                    rounds.get(i + 1).number(),
                    voters.get(i).size(),
                    back));
        }
        return new Participation(dimension, rounds, returns);
    }
}
