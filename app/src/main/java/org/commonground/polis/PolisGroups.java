package org.commonground.polis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Pol.is's own opinion groups, from the {@code group-id} column of an export's
 * participants-votes.csv: what our analysis is validated against. Participants Pol.is left out of
 * its map have an empty group-id and are not in the map returned.
 */
public final class PolisGroups {
    private PolisGroups() {}

    /**
     * Each participant in Pol.is's map with Pol.is's group id.
     *
     * @throws PolisFormatException naming {@code file:line} when the file is missing or malformed
     */
    public static Map<Integer, Integer> read(Path dir) {
        try (CsvFile csv = CsvFile.withHeader(dir.resolve(PolisFolderReader.PARTICIPANT_VOTES))) {
            for (String column : new String[] {"participant", "group-id"}) {
                if (!csv.has(column)) {
                    throw csv.error(1, "missing column '" + column + "'");
                }
            }
            Map<Integer, Integer> groups = new HashMap<>();
            while (csv.next()) {
                if (!csv.text("group-id").isBlank()) {
                    groups.put(csv.integer("participant"), csv.integer("group-id"));
                }
            }
            return groups;
        }
    }
}
