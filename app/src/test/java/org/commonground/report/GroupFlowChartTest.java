package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonground.analysis.Analysis;
import org.commonground.analysis.AnalysisOptions;
import org.commonground.analysis.AnalysisResult;
import org.commonground.analysis.Cohorts;
import org.commonground.analysis.CrossRoundAnalysis;
import org.commonground.analysis.CrossRoundOptions;
import org.commonground.analysis.GroupTransitions;
import org.commonground.analysis.RoundSeries;
import org.commonground.analysis.VoteMatrix;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The flow chart drawn from real transition tables: two rounds of a small conversation with three camps. */
class GroupFlowChartTest {
    private static final GroupFlowChart.Labels LABELS = new GroupFlowChart.Labels(
            "Groups <JP & KR>",
            "Who moved \"where\"",
            r -> "Round " + (r + 1),
            g -> "Group " + (char) ('A' + g),
            "Not on the map",
            "Left",
            "Joins next round");

    /**
     * Round 0: people 0–59 in three camps of 20 (camp = person % 3), each agreeing with its own four
     * statements and disagreeing with the rest. Round 1: people 0–49 return, those with person % 10 == 0
     * switch to the next camp, and people 60–69 join in camp 0.
     */
    private static List<GroupTransitions> transitions() {
        RoundSeries.Builder series = RoundSeries.builder();
        long[][] people = new long[2][70];
        for (int r = 0; r < 2; r++) {
            VoteMatrix.Builder votes = VoteMatrix.builder();
            for (int j = 0; j < 70; j++) {
                boolean present = r == 0 ? j < 60 : j < 50 || j >= 60;
                people[r][j] = present ? 1000L * (r + 1) + j : -1;
                if (!present) {
                    continue;
                }
                int camp = j >= 60 ? 0 : r == 1 && j % 10 == 0 ? (j + 1) % 3 : j % 3;
                for (int s = 0; s < 12; s++) {
                    votes.vote(people[r][j], s, s / 4 == camp ? 1 : -1, 1_767_225_600_000L);
                }
            }
            VoteMatrix m = votes.build();
            AnalysisResult result =
                    Analysis.run(m, Cohorts.none(), AnalysisOptions.defaults().withConvergence(false));
            series.round(m, Cohorts.none(), result);
        }
        return CrossRoundAnalysis.run(series.people(people).build(), CrossRoundOptions.defaults())
                .transitions();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int countIn(Element e) {
        String title = e.getElementsByTagName("title").item(0).getTextContent();
        return Integer.parseInt(title.substring(title.lastIndexOf(": ") + 2));
    }

    @Test
    void everyNonEmptyCellIsOneBandTitledWithItsCountAndTheBandsAddUpToTheTable() throws Exception {
        GroupTransitions table = transitions().get(0);

        Document svg = parse(GroupFlowChart.svg(List.of(table), LABELS));

        int cells = 0;
        for (int g = GroupTransitions.UNGROUPED; g < table.fromGroups(); g++) {
            for (int h = GroupTransitions.UNGROUPED; h < table.toGroups(); h++) {
                cells += table.count(g, h) > 0 ? 1 : 0;
            }
        }
        NodeList bands = svg.getElementsByTagName("path");
        assertThat(bands.getLength()).isEqualTo(cells);
        int total = 0;
        for (int i = 0; i < bands.getLength(); i++) {
            total += countIn((Element) bands.item(i));
        }
        assertThat(total).isEqualTo(table.total()).isEqualTo(70);
        assertThat(svg.getDocumentElement().getTextContent())
                .contains("Left: 10", "Joins next round: 10")
                .doesNotContain("Left → ", "Round 3");
    }

    @Test
    void theChartIsAnAccessibleImageAndItsTextsAreEscaped() throws Exception {
        String text = GroupFlowChart.svg(transitions(), LABELS);

        Element root = parse(text).getDocumentElement();

        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("flow-title flow-desc");
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Groups <JP & KR>");
        assertThat(root.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Who moved \"where\"");
        assertThat(text).contains("Groups &lt;JP &amp; KR&gt;").doesNotContain("<JP");
    }

    @Test
    void eachRoundIsAColumnOfBarsWhoseCountsAreThePeopleInEachGroup() throws Exception {
        GroupTransitions table = transitions().get(0);

        Document svg = parse(GroupFlowChart.svg(List.of(table), LABELS));

        NodeList bars = svg.getElementsByTagName("rect");
        int inFirstRound = 0;
        for (int i = 0; i < bars.getLength(); i++) {
            Element bar = (Element) bars.item(i);
            if (bar.getElementsByTagName("title").getLength() == 0) {
                continue; // a legend swatch
            }
            String name = bar.getElementsByTagName("title").item(0).getTextContent();
            if (bar.getAttribute("x").equals(String.valueOf(24.0)) && !name.startsWith("Joins")) {
                inFirstRound += countIn(bar);
            }
        }
        assertThat(inFirstRound).isEqualTo(60);
        assertThat(svg.getDocumentElement().getTextContent()).contains("Round 1", "Round 2");
        NodeList texts = svg.getElementsByTagName("text");
        List<String> legend = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            legend.add(texts.item(i).getTextContent());
        }
        assertThat(legend).contains("Group A", "Group B", "Not on the map", "Left", "Joins next round");
    }

    @Test
    void noTransitionsDrawOnlyTheTitle() throws Exception {
        Element root = parse(GroupFlowChart.svg(List.of(), LABELS)).getDocumentElement();

        assertThat(root.getElementsByTagName("path").getLength()).isZero();
        assertThat(root.getElementsByTagName("title").getLength()).isEqualTo(1);
    }
}
