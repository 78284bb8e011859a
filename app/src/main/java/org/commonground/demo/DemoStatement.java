package org.commonground.demo;

import java.util.Map;
import org.commonground.statement.StatementText;
import org.commonground.web.Language;

/**
 * One statement of the demo conversation: its text in the language it was written in and its
 * human translations, and how the simulated opinion groups lean on it.
 *
 * @param topic     what it is about
 * @param original  the language it was written in; the other two are its translations
 * @param texts     the text in ja, ko and en
 * @param lean      agreement of each latent opinion group, as a logit (−2 strongly against … +2 strongly for),
 *                  indexed by {@link Opinion#ordinal()}
 * @param divide    how much more Korea-based than Japan-based participants agree (a logit, + toward KR,
 *                  − toward JP); it narrows over the four months of the demo
 * @param passRate  how often a participant passes on it
 * @param seeded    written by the organizer at the start, rather than by a participant later
 */
record DemoStatement(
        Topic topic,
        Language original,
        Map<Language, String> texts,
        double[] lean,
        double divide,
        double passRate,
        boolean seeded) {

    DemoStatement {
        // The demo's own statements obey the rules every new statement does (NFC, 1–1,000 characters).
        texts = Map.of(
                Language.JA,
                StatementText.normalize(texts.get(Language.JA)),
                Language.KO,
                StatementText.normalize(texts.get(Language.KO)),
                Language.EN,
                StatementText.normalize(texts.get(Language.EN)));
    }

    enum Topic {
        HISTORY_EDUCATION,
        AGREEMENT_2015,
        WARTIME_LABOR,
        YOUTH_EXCHANGE,
        SOUTHEAST_ASIA,
        SEMICONDUCTORS,
        AGEING,
        JOURNALISM
    }

    /**
     * The latent opinion groups the simulation draws participants from: those who put historical
     * justice first, those who put practical cooperation first, and those who put people-to-people
     * ties first.
     */
    enum Opinion {
        JUSTICE_FIRST,
        PRAGMATIC,
        CIVIL_SOCIETY
    }

    String text() {
        return texts.get(original);
    }
}
