package org.commonground.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The "you" label on the map never covers a group letter, wherever the reader's dot is. */
class YouLabelTest {

    @Test
    void aReaderAtTheirGroupsCentreHasTheLabelBesideTheLetterNotOnIt() {
        MapView.Dot you = new MapView.Dot(320, 200, 0, 0);
        List<MapView.GroupMark> letters =
                List.of(new MapView.GroupMark(0, "A", 320, 200, 50), new MapView.GroupMark(1, "B", 320, 180, 50));

        MapView.Label label = MapView.youLabel(you, letters);

        assertThat(covers(label, letters)).isFalse();
    }

    @Test
    void theLabelStaysInsideThePictureAtItsEdges() {
        for (double[] at : new double[][] {{2, 2}, {638, 2}, {2, 398}, {638, 398}}) {
            MapView.Dot you = new MapView.Dot(at[0], at[1], 0, 0);

            MapView.Label label = MapView.youLabel(you, List.of(new MapView.GroupMark(0, "A", at[0], at[1], 9)));

            double x = Double.parseDouble(label.x());
            assertThat(x).isBetween(0.0, (double) MapView.WIDTH);
            assertThat(Double.parseDouble(label.y())).isBetween(10.0, (double) MapView.HEIGHT);
            assertThat(covers(label, List.of(new MapView.GroupMark(0, "A", at[0], at[1], 9))))
                    .isFalse();
        }
    }

    @Test
    void aDenseCrowdOfLettersStillLeavesEveryOneReadable() {
        MapView.Dot you = new MapView.Dot(300, 200, 1, 0);
        List<MapView.GroupMark> letters = List.of(
                new MapView.GroupMark(0, "A", 300, 185, 9),
                new MapView.GroupMark(1, "B", 300, 227, 9),
                new MapView.GroupMark(2, "C", 325, 206, 9),
                new MapView.GroupMark(3, "D", 275, 206, 9));

        assertThat(covers(MapView.youLabel(you, letters), letters)).isFalse();
    }

    /** The label's box as MapView reckons it (50 × 18 units) against each letter's (22 × 28). */
    private static boolean covers(MapView.Label label, List<MapView.GroupMark> letters) {
        double x = Double.parseDouble(label.x());
        double baseline = Double.parseDouble(label.y());
        double left = switch (label.anchor()) {
            case "start" -> x;
            case "middle" -> x - 25;
            default -> x - 50;
        };
        double top = baseline - 14;
        return letters.stream()
                .anyMatch(
                        g -> left < g.x() + 11 && left + 50 > g.x() - 11 && top < g.y() + 14 && top + 18 > g.y() - 14);
    }
}
