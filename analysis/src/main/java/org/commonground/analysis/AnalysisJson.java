package org.commonground.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongFunction;

/**
 * Writes an {@link AnalysisResult} as JSON by hand: the engine has no runtime dependencies. Every
 * number written is finite (a non-finite value, which the engine never produces, would be written
 * as 0 rather than break the document). Ids are written as JSON numbers, and as strings where they
 * are object keys.
 */
public final class AnalysisJson {
    private AnalysisJson() {}

    public static String toJson(AnalysisResult r, double loadSeconds) {
        StringBuilder out = new StringBuilder(1024);
        write(r, loadSeconds, out);
        return out.toString();
    }

    /**
     * As {@link #toJson(AnalysisResult, double)}, with every participant id (group members and
     * the keys of {@code projection}) replaced by the string {@code participantNames} gives it:
     * how a public answer names participants by pseudonym rather than by the ids it was computed
     * with. Statement ids are written as they are.
     */
    public static String toJson(AnalysisResult r, double loadSeconds, LongFunction<String> participantNames) {
        StringBuilder out = new StringBuilder(1024);
        try {
            new Writer(out, participantNames).result(r, loadSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(AnalysisResult r, double loadSeconds, Appendable out) {
        try {
            new Writer(out, null).result(r, loadSeconds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param names participant ids as written, or null to write them as numbers */
    private record Writer(Appendable out, LongFunction<String> names) {
        void result(AnalysisResult r, double loadSeconds) throws IOException {
            out.append("{\"participants\":").append(Integer.toString(r.participantCount()));
            out.append(",\"statements\":").append(Integer.toString(r.statementCount()));
            out.append(",\"votes\":").append(Integer.toString(r.voteCount()));
            out.append(",\"groups\":[");
            for (int g = 0; g < r.groups().size(); g++) {
                AnalysisResult.OpinionGroup group = r.groups().get(g);
                comma(g);
                out.append("{\"id\":").append(Integer.toString(group.id())).append(",\"participants\":[");
                IdSet members = group.participants();
                for (int i = 0; i < members.size(); i++) {
                    comma(i);
                    if (names == null) {
                        out.append(Long.toString(members.get(i)));
                    } else {
                        string(names.apply(members.get(i)));
                    }
                }
                out.append("],\"representative\":[");
                for (int i = 0; i < group.representative().size(); i++) {
                    AnalysisResult.RepresentativeStatement s =
                            group.representative().get(i);
                    comma(i);
                    directed(s.statement(), s.direction(), s.score());
                }
                out.append("]}");
            }
            out.append("],\"projection\":");
            projection(r.projection(), names);
            out.append(",\"statementProjection\":");
            projection(r.statementProjection(), null);
            out.append(",\"consensus\":[");
            for (int i = 0; i < r.consensus().size(); i++) {
                AnalysisResult.Consensus c = r.consensus().get(i);
                comma(i);
                directed(c.statement(), c.direction(), c.score());
            }
            out.append("],\"groupInformedConsensus\":[");
            for (int i = 0; i < r.groupInformedConsensus().size(); i++) {
                AnalysisResult.GroupInformedConsensus c =
                        r.groupInformedConsensus().get(i);
                comma(i);
                out.append("{\"statement\":")
                        .append(Long.toString(c.statement()))
                        .append(",\"score\":");
                number(c.score());
                out.append('}');
            }
            out.append("],\"bridging\":[");
            for (int i = 0; i < r.bridging().size(); i++) {
                AnalysisResult.BridgingScore b = r.bridging().get(i);
                comma(i);
                out.append("{\"statement\":")
                        .append(Long.toString(b.statement()))
                        .append(",\"score\":");
                number(b.score());
                out.append(",\"factor\":");
                number(b.factor());
                out.append('}');
            }
            out.append("],\"cohorts\":");
            cohorts(r.cohorts());
            out.append(",\"commonGround\":[");
            for (int i = 0; i < r.commonGround().size(); i++) {
                comma(i);
                out.append(Long.toString(r.commonGround().get(i)));
            }
            out.append("],\"divides\":[");
            for (int i = 0; i < r.divides().size(); i++) {
                AnalysisResult.Divide d = r.divides().get(i);
                comma(i);
                out.append("{\"statement\":")
                        .append(Long.toString(d.statement()))
                        .append(",\"dimension\":");
                string(d.dimension());
                out.append(",\"gap\":");
                number(d.gap());
                out.append(",\"low\":");
                number(d.low());
                out.append(",\"high\":");
                number(d.high());
                out.append('}');
            }
            out.append("],\"convergence\":[");
            for (int i = 0; i < r.convergence().size(); i++) {
                AnalysisResult.ConvergencePoint c = r.convergence().get(i);
                comma(i);
                out.append("{\"until\":");
                string(c.until().toString());
                out.append(",\"votes\":").append(Integer.toString(c.votes()));
                out.append(",\"commonGround\":").append(Integer.toString(c.commonGround()));
                out.append(",\"meanGap\":");
                number(c.meanGap());
                out.append(",\"centroidDistance\":");
                number(c.centroidDistance());
                out.append('}');
            }
            out.append("],\"seconds\":{\"load\":");
            number(loadSeconds);
            out.append(",\"analysis\":");
            number(r.analysisSeconds());
            out.append("}}");
        }

        private void cohorts(CohortTallies tallies) throws IOException {
            out.append('{');
            for (int d = 0; d < tallies.dimensionCount(); d++) {
                comma(d);
                string(tallies.dimension(d));
                out.append(":{");
                for (int v = 0; v < tallies.valueCount(d); v++) {
                    comma(v);
                    string(tallies.value(d, v));
                    out.append(":{");
                    boolean first = true;
                    for (int s = 0; s < tallies.statementCount(); s++) {
                        if (tallies.votes(d, v, s) == 0) {
                            continue;
                        }
                        Tally t = tallies.tally(d, v, s);
                        if (!first) {
                            out.append(',');
                        }
                        first = false;
                        out.append('"')
                                .append(Long.toString(tallies.statementId(s)))
                                .append("\":{\"agree\":")
                                .append(Integer.toString(t.agree()))
                                .append(",\"disagree\":")
                                .append(Integer.toString(t.disagree()))
                                .append(",\"pass\":")
                                .append(Integer.toString(t.pass()))
                                .append(",\"agreeLow\":");
                        number(t.agreeLow());
                        out.append(",\"agreeHigh\":");
                        number(t.agreeHigh());
                        out.append('}');
                    }
                    out.append('}');
                }
                out.append('}');
            }
            out.append('}');
        }

        private void projection(Projection p, LongFunction<String> keys) throws IOException {
            out.append('{');
            for (int i = 0; i < p.size(); i++) {
                comma(i);
                long id = p.ids().get(i);
                if (keys == null) {
                    out.append('"').append(Long.toString(id)).append('"');
                } else {
                    string(keys.apply(id));
                }
                out.append(":[");
                number(p.x(i));
                out.append(',');
                number(p.y(i));
                out.append(']');
            }
            out.append('}');
        }

        private void directed(long statement, Direction direction, double score) throws IOException {
            out.append("{\"statement\":")
                    .append(Long.toString(statement))
                    .append(",\"direction\":\"")
                    .append(direction.json())
                    .append("\",\"score\":");
            number(score);
            out.append('}');
        }

        private void comma(int index) throws IOException {
            if (index > 0) {
                out.append(',');
            }
        }

        private void number(double value) throws IOException {
            if (!Double.isFinite(value)) {
                out.append('0');
            } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                out.append(Long.toString((long) value));
            } else {
                out.append(Double.toString(value));
            }
        }

        private void string(String s) throws IOException {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        if (c < 0x20
                                || c == 0x2028
                                || c == 0x2029
                                || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private static boolean validSurrogate(String s, int i) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            }
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
    }
}
