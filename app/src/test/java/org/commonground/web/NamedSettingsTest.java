package org.commonground.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.integrity.SignalThresholds;
import org.junit.jupiter.api.Test;

class NamedSettingsTest {
    @Test
    void namesAreTakenCaseInsensitivelyAndBlanksSkipped() {
        NamedSettings given = NamedSettings.parse("limits", " Votes = off ,, joins=60/1m");

        assertThat(given.take("votes")).isEqualTo("off");
        assertThat(given.take("joins")).isEqualTo("60/1m");
        assertThat(given.take("accounts")).isNull();
        given.requireAllTaken("votes, joins");
    }

    @Test
    void aNameNobodyKnowsIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> AbuseLimits.defaults().with("vote=off"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown limits [vote]")
                .hasMessageContaining("known: joins");
        assertThatThrownBy(() -> SignalThresholds.defaults().with("similarty=0.8"))
                .hasMessageContaining("unknown integrity thresholds [similarty]");
        assertThatThrownBy(() -> NamedSettings.parse("limits", "votes")).hasMessage("not name=value: votes");
    }

    @Test
    void givenValuesReplaceOnlyTheirOwnSetting() {
        SignalThresholds t = SignalThresholds.defaults().with("similarity=0.85,burst-window=15");

        assertThat(t.similarity()).isEqualTo(0.85);
        assertThat(t.burstWindow()).hasMinutes(15);
        assertThat(t.minClusterSize()).isEqualTo(SignalThresholds.defaults().minClusterSize());
    }
}
