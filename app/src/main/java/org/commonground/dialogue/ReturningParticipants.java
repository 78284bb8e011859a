package org.commonground.dialogue;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonground.conversation.ConversationCatalog;
import org.commonground.conversation.ConversationState;
import org.commonground.participation.Join;
import org.commonground.participation.ParticipationFeature;
import org.commonground.problem.Conflict;
import org.commonground.problem.Invalid;
import org.commonground.web.Language;
import org.commonground.web.Secrets;

/**
 * One pseudonymous identity across a dialogue's rounds, only for those who ask for it. A participant
 * of a round consents and gets a personal return link and a recovery code, each shown once; either
 * brings them into the dialogue's current round as the same person, with the cohort answers they
 * gave before, so their votes can be compared round to round. No e-mail, no name: the link and the
 * code are the identity, and only their SHA-256 is kept.
 */
final class ReturningParticipants {
    /** Unambiguous letters and digits (no 0/O, 1/I/L), so a code copied from paper reads back right. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** 16 characters of 31: about 79 bits, beyond guessing through the join throttle. */
    private static final int CODE_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReturningStore store;
    private final ConversationCatalog conversations;
    private final ParticipationFeature participation;

    ReturningParticipants(ReturningStore store, ConversationCatalog conversations, ParticipationFeature participation) {
        this.store = store;
        this.conversations = conversations;
        this.participation = participation;
    }

    /** What is shown once: the secret of the return link and the recovery code. */
    record Pass(long personId, String returnToken, String recoveryCode) {}

    /** The person back in a round: their participant there and the participant token to act with. */
    record Back(long personId, Dialogue.Round round, long participantId, String token, boolean newInRound) {}

    /** The participant the request speaks for in one of the dialogue's rounds, latest round first. */
    Optional<Long> participantOf(Context ctx, Dialogue d) {
        for (Dialogue.Round r : d.rounds().reversed()) {
            Optional<Long> p = participation.participantOf(ctx, r.conversationId());
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** Whether the request's participant already returns across the dialogue. */
    boolean isReturning(Context ctx, Dialogue d) {
        return participantOf(ctx, d).flatMap(store::personOf).isPresent();
    }

    /**
     * The request's participant (of any round of the dialogue) asks to keep their identity: a new
     * person, or a fresh link and code for one who already is (the old ones stop working). 401
     * without a participant token, 403 with one of a conversation outside the dialogue.
     */
    Pass consent(Context ctx, Dialogue d) {
        long participant = participantOf(ctx, d).orElseGet(() -> {
            participation.require(ctx, d.last().conversationId()); // throws 401 or 403
            throw new IllegalStateException("a participant of the last round was not found");
        });
        String token = Secrets.token();
        String code = recoveryCode();
        Optional<Long> existing = store.personOf(participant);
        long person;
        if (existing.isPresent()) {
            person = existing.get();
            store.renew(person, Secrets.hash(token), Secrets.hash(normalize(code)));
        } else {
            long conversation = d.rounds().stream()
                    .filter(r ->
                            participation.participantOf(ctx, r.conversationId()).equals(Optional.of(participant)))
                    .findFirst()
                    .orElseThrow()
                    .conversationId();
            person =
                    store.create(d.id(), Secrets.hash(token), Secrets.hash(normalize(code)), conversation, participant);
        }
        return new Pass(person, token, code);
    }

    /** Back through the return link; 422 for a token that is not (or no longer) this dialogue's. */
    Back byLink(Dialogue d, String token, Language reader) {
        long person = Optional.ofNullable(token)
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .flatMap(t -> store.byToken(d.id(), Secrets.hash(t)))
                .orElseThrow(() -> Invalid.field("returnToken", "dialogue.return.unknown-link"));
        return back(d, person, reader);
    }

    /**
     * Back through the recovery code (the link was lost): the person returns and gets a new link, as
     * the old one may be in someone else's hands. 422 for an unknown code.
     */
    Back byCode(Dialogue d, String code, Language reader) {
        long person = Optional.ofNullable(code)
                .map(ReturningParticipants::normalize)
                .filter(c -> !c.isEmpty())
                .flatMap(c -> store.byCode(d.id(), Secrets.hash(c)))
                .orElseThrow(() -> Invalid.field("recoveryCode", "dialogue.return.unknown-code"));
        return back(d, person, reader);
    }

    /** A new return link for a person (after recovery), the recovery code staying as it is. */
    String renewLink(long personId) {
        String token = Secrets.token();
        store.renew(personId, Secrets.hash(token), null);
        return token;
    }

    /**
     * The person into the dialogue's current round (the latest open one): their participant there
     * with a new token if they have one, else a new participant with the cohort answers of their
     * latest earlier round. 409 when no round is open.
     */
    private Back back(Dialogue d, long person, Language reader) {
        Dialogue.Round current = d.rounds().reversed().stream()
                .filter(r -> conversations
                        .find(r.conversationId())
                        .map(c -> c.state() == ConversationState.OPEN)
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new Conflict("dialogue-no-open-round", "problem.dialogue-no-open-round"));
        Map<Long, Long> rounds = store.roundsOf(person);
        Long there = rounds.get(current.conversationId());
        if (there != null) {
            return new Back(person, current, there, participation.reissueToken(there), false);
        }
        long earlier = d.rounds().reversed().stream()
                .map(r -> rounds.get(r.conversationId()))
                .filter(p -> p != null)
                .findFirst()
                .orElseThrow();
        Language language = participation.languageOf(earlier).orElse(reader);
        Join.Joined joined = participation.rejoin(current.conversationId(), participation.cohortsOf(earlier), language);
        if (!store.link(person, current.conversationId(), joined.participantId())) {
            // The same person came back twice at once: keep the first participant, use it.
            long first = store.roundsOf(person).get(current.conversationId());
            return new Back(person, current, first, participation.reissueToken(first), false);
        }
        return new Back(person, current, joined.participantId(), joined.token(), true);
    }

    /** Lets this browser vote in the round as the person who came back (the participant cookie joining sets). */
    void remember(Context ctx, Back back) {
        participation.rememberInBrowser(ctx, back.round().conversationId(), back.token());
    }

    /** The participant's public id, as the API shows participants. */
    String publicIdOf(long participantId) {
        return participation.publicIdOf(participantId).orElse("");
    }

    /** The participant's cohort answers by dimension name. */
    Map<String, String> cohortsOf(long participantId) {
        return participation.cohortsOf(participantId);
    }

    static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed back: case, spaces and dashes do not matter. */
    static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
