package org.commonground.analysis;

import java.util.Arrays;
import java.util.Optional;

/**
 * Positions on the opinion map by id. Coordinates are in Pol.is's units: centred vote space (a vote
 * is ±1) projected on the two principal axes and, for participants, scaled by √(statements / votes);
 * typical magnitudes are a few units, the sign of an axis carries no meaning.
 */
public final class Projection {
    private final IdSet ids;
    private final double[] x;
    private final double[] y;

    Projection(IdSet ids, double[] x, double[] y) {
        this.ids = ids;
        this.x = x;
        this.y = y;
    }

    public record Position(double x, double y) {}

    public IdSet ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    public double x(int index) {
        return x[index];
    }

    public double y(int index) {
        return y[index];
    }

    public Optional<Position> of(long id) {
        int i = ids.indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(new Position(x[i], y[i]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Projection other
                && ids.equals(other.ids)
                && Arrays.equals(x, other.x)
                && Arrays.equals(y, other.y);
    }

    @Override
    public int hashCode() {
        return ids.hashCode() * 31 + Arrays.hashCode(x);
    }
}
