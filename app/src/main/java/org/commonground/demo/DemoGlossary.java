package org.commonground.demo;

import java.time.Clock;
import java.util.List;
import org.commonground.translation.Glossary;
import org.commonground.translation.MachineTranslationFeature;
import org.commonground.translation.MachineTranslationSettings;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo conversation's glossary of contested names, as a Japan–Korea dialogue would agree it:
 * each side's own name kept for its readers, and English naming both where the name itself is in
 * dispute. And, when the demo is given a machine translation service, the demo conversation turns
 * it on.
 */
public final class DemoGlossary {
    private DemoGlossary() {}

    public static final Glossary TERMS = new Glossary(List.of(
            new Glossary.Term(
                    "竹島",
                    "독도",
                    "Dokdo/Takeshima",
                    "Both names in English; each side's own name in Japanese and Korean."),
            new Glossary.Term(
                    "日本海",
                    "동해",
                    "East Sea/Sea of Japan",
                    "Both names in English, Korean name first as in the Korean text."),
            new Glossary.Term(
                    "慰安婦", "위안부", "comfort women", "Always as a term of history, never as a euphemism of our own."),
            new Glossary.Term("徴用工", "강제징용", "wartime forced labor", "Wartime labor mobilization, 1939–1945."),
            new Glossary.Term("強制動員", "강제동원", "wartime forced mobilization", null),
            new Glossary.Term("日韓請求権協定", "한일 청구권 협정", "1965 Claims Agreement", null),
            new Glossary.Term("植民地支配", "식민지배", "colonial rule", null)));

    /** Seeds the glossary into a newly seeded demo, and turns machine translation on when it is configured. */
    public static void setUp(Jdbi jdbi, DemoSeed.Seeded outcome, MachineTranslationSettings settings) {
        MachineTranslationFeature feature = MachineTranslationFeature.wire(
                jdbi, MachineTranslationSettings.off(), Clock.systemUTC(), (dimension, value) -> true);
        if (outcome.seeded()) {
            feature.replaceGlossary(outcome.conversationId(), TERMS);
        }
        if (settings.on()) {
            feature.turnOn(outcome.conversationId());
        }
    }
}
