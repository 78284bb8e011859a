package org.commonground.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.commonground.demo.DemoStatement.Opinion;
import org.commonground.polis.PolisExport;
import org.commonground.polis.PolisExport.Comment;
import org.commonground.polis.PolisExport.Moderation;
import org.commonground.polis.PolisExport.Summary;
import org.commonground.polis.PolisExport.VoteEvent;
import org.commonground.polis.PolisExport.VoteSource;
import org.commonground.polis.PolisExport.Voter;
import org.commonground.web.Language;

/**
 * Simulated participation in the demo conversation, deterministic for a seed: a few hundred
 * participants from Japan, Korea, the US and elsewhere, each belonging to one latent opinion group
 * (spread unevenly across countries), who join over four months, vote on a subset of the statements
 * already written, pass often, and sometimes come back to revise a vote. The Japan–Korea divide on
 * history statements is strongest among early participants and narrows over time, so the analysis
 * finds groups, bridging statements, divides and convergence.
 *
 * <p>Ids follow Pol.is: statement i of {@link DemoStatements#ALL} is comment i, participants are 0…n−1.
 */
final class DemoSimulation {
    static final Instant START = Instant.parse("2025-05-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(120);
    static final long SEED = 20_250_501L;

    enum Country {
        JP(Language.JA, 150, 0.15, 0.55),
        KR(Language.KO, 150, 0.55, 0.15),
        US(Language.EN, 45, 0.20, 0.45),
        OTHER(Language.EN, 15, 0.30, 0.30);

        final Language language;
        final int participants;
        /** Share of participants in the justice-first and pragmatic groups; the rest are civil-society. */
        final double justiceFirst;

        final double pragmatic;

        Country(Language language, int participants, double justiceFirst, double pragmatic) {
            this.language = language;
            this.participants = participants;
            this.justiceFirst = justiceFirst;
            this.pragmatic = pragmatic;
        }

        String code() {
            return this == OTHER ? "other" : name();
        }

        /** +1 for Korea, −1 for Japan: the side of a statement's divide this country leans to. */
        double side() {
            return switch (this) {
                case KR -> 1;
                case JP -> -1;
                default -> 0;
            };
        }
    }

    static final List<String> ROLES =
            List.of("academic", "educator", "student", "journalist", "business", "civil-society", "other");
    private static final double[] ROLE_WEIGHTS = {0.14, 0.14, 0.28, 0.08, 0.16, 0.14, 0.06};

    /** How much of the Japan–Korea divide is left at the end of the four months. */
    private static final double DIVIDE_LEFT_AT_END = 0.3;

    record Person(int id, Country country, String role, Opinion opinion, double joinedAt) {}

    private final Random random = new Random(SEED);
    private final List<DemoStatement> statements;

    DemoSimulation(List<DemoStatement> statements) {
        this.statements = statements;
    }

    /** The whole demo conversation as a Pol.is export: statements, vote history and cohorts. */
    PolisExport run() {
        List<Person> people = people();
        double[] writtenAt = new double[statements.size()];
        List<Comment> comments = new ArrayList<>();
        List<VoteEvent> votes = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            DemoStatement s = statements.get(i);
            OptionalInt author = OptionalInt.empty();
            if (!s.seeded()) {
                Person writer = earlyPersonFrom(people, s.original());
                writtenAt[i] = writer.joinedAt() + minutes(3);
                author = OptionalInt.of(writer.id());
                votes.add(vote(writtenAt[i], i, writer.id(), 1)); // Pol.is counts an author as agreeing
            }
            comments.add(new Comment(i, millis(writtenAt[i]), author, Moderation.ACCEPTED, s.seeded(), s.text()));
        }
        for (Person p : people) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                boolean own = comments.get(i).authorId().equals(OptionalInt.of(p.id()));
                if (writtenAt[i] <= p.joinedAt() && !own) {
                    open.add(i);
                }
            }
            Collections.shuffle(open, random);
            int wanted = 6 + (int) Math.round(Math.pow(random.nextDouble(), 0.8) * 36);
            double at = p.joinedAt();
            List<Integer> voted = open.subList(0, Math.min(wanted, open.size()));
            for (int i : voted) {
                at += seconds(10 + random.nextInt(50));
                votes.add(vote(at, i, p.id(), decide(p, statements.get(i), at)));
            }
            revisit(p, voted, votes);
        }
        votes.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        List<Voter> cohorts =
                people.stream().map(p -> new Voter(p.id(), cohortsOf(p))).toList();
        return new PolisExport(Summary.EMPTY, comments, votes, VoteSource.HISTORY, List.of("country", "role"), cohorts);
    }

    /**
     * Some early participants come back in the last month and vote again on the divisive statements
     * they answered, now with the narrower divide of that time: the history convergence shows in both
     * newcomers and revised votes.
     */
    private void revisit(Person p, List<Integer> voted, List<VoteEvent> votes) {
        if (p.joinedAt() > 0.5 || random.nextDouble() > 0.25) {
            return;
        }
        double at = 0.75 + random.nextDouble() * 0.24;
        for (int i : voted) {
            if (Math.abs(statements.get(i).divide()) >= 1 && random.nextDouble() < 0.6) {
                at += seconds(20 + random.nextInt(40));
                votes.add(vote(at, i, p.id(), decide(p, statements.get(i), at)));
            }
        }
    }

    /** Agree, disagree or pass: the group's leaning plus the (narrowing) country divide plus personal noise. */
    private int decide(Person p, DemoStatement s, double at) {
        if (random.nextDouble() < s.passRate()) {
            return 0;
        }
        double divide = s.divide() * p.country().side() * (1 - (1 - DIVIDE_LEFT_AT_END) * at);
        double logit = s.lean()[p.opinion().ordinal()] + divide + random.nextGaussian() * 0.7;
        return random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : -1;
    }

    private List<Person> people() {
        List<Country> countries = new ArrayList<>();
        for (Country c : Country.values()) {
            countries.addAll(Collections.nCopies(c.participants, c));
        }
        Collections.shuffle(countries, random);
        List<Double> joins = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            joins.add(Math.pow(random.nextDouble(), 1.4) * 0.98); // more people early on, as after a launch
        }
        Collections.sort(joins);
        List<Person> people = new ArrayList<>();
        for (int id = 0; id < countries.size(); id++) {
            Country country = countries.get(id);
            String role = role();
            people.add(new Person(id, country, role, opinion(country, role), joins.get(id)));
        }
        return people;
    }

    private String role() {
        double r = random.nextDouble();
        for (int i = 0; i < ROLE_WEIGHTS.length; i++) {
            r -= ROLE_WEIGHTS[i];
            if (r < 0) {
                return ROLES.get(i);
            }
        }
        return ROLES.getLast();
    }

    private Opinion opinion(Country country, String role) {
        boolean leansCivil = role.equals("student") || role.equals("civil-society");
        if (leansCivil && random.nextDouble() < 0.25) {
            return Opinion.CIVIL_SOCIETY;
        }
        double r = random.nextDouble();
        if (r < country.justiceFirst) {
            return Opinion.JUSTICE_FIRST;
        }
        return r < country.justiceFirst + country.pragmatic ? Opinion.PRAGMATIC : Opinion.CIVIL_SOCIETY;
    }

    /** A participant from the statement's language area who joined in the first half, to be its author. */
    private Person earlyPersonFrom(List<Person> people, Language language) {
        List<Person> candidates = people.stream()
                .filter(p -> p.joinedAt() < 0.5 && p.country().language == language && p.country() != Country.OTHER)
                .toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static Map<String, String> cohortsOf(Person p) {
        Map<String, String> cohorts = new LinkedHashMap<>();
        cohorts.put("country", p.country().code());
        cohorts.put("role", p.role());
        return cohorts;
    }

    /** The language a simulated participant reads in, by country. */
    static Language languageOf(String countryCode) {
        for (Country c : Country.values()) {
            if (c.code().equals(countryCode)) {
                return c.language;
            }
        }
        return Language.EN;
    }

    private static VoteEvent vote(double at, int statement, int participant, int value) {
        return new VoteEvent(millis(at), statement, participant, value);
    }

    /** A point in the four months, as a fraction of them, in epoch milliseconds. */
    private static long millis(double at) {
        return START.toEpochMilli() + Math.round(at * SPAN.toMillis());
    }

    private static double minutes(int n) {
        return n * 60_000.0 / SPAN.toMillis();
    }

    private static double seconds(int n) {
        return n * 1_000.0 / SPAN.toMillis();
    }
}
