package org.commonground.privacy;

import java.util.Locale;
import java.util.Optional;

/**
 * What erasing a participant's data does to the statements they wrote: the organizer's choice per
 * conversation, shown on its privacy page. Either way the participant's votes, cohort answers and
 * pseudonym are deleted, and their token stops working.
 */
public enum ErasurePolicy {
    /**
     * The default. A statement of theirs that someone else voted on stays, without author, so the
     * others' votes keep their meaning and the results stay comparable; their other statements are
     * deleted.
     */
    ANONYMISE,
    /** Every statement they wrote is deleted too, with the votes others cast on it. */
    DELETE;

    public static final ErasurePolicy DEFAULT = ANONYMISE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ErasurePolicy> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (ErasurePolicy p : values()) {
            if (p.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
