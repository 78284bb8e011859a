package org.commonground.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What changed between two versions of the document, clause by clause and word by word. */
class VersionDiffTest {
    static SharedDocument.Clause clause(long id, String en, List<Long> cites) {
        return new SharedDocument.Clause(id, (int) id, Map.of("en", en), cites, true, "editor", List.of());
    }

    static SharedDocument.Snapshot snapshot(SharedDocument.Clause... clauses) {
        return new SharedDocument.Snapshot(
                List.of(new SharedDocument.Section(1, 1, Map.of("en", "Learning"), List.of(clauses))));
    }

    @Test
    void addedRemovedAndChangedClausesAreNamedWithTheWordsThatChanged() {
        var older = snapshot(
                clause(1, "Exchanges should include visits to historical sites.", List.of(10L)),
                clause(2, "Leaders should meet every year.", List.of(11L)),
                clause(3, "Unchanged clause.", List.of(12L)));
        var newer = snapshot(
                clause(1, "School exchanges should include visits to museums.", List.of(10L, 13L)),
                clause(3, "Unchanged clause.", List.of(12L)),
                clause(4, "Governments should stop using history in politics.", List.of(14L)));

        List<DocumentPage.Change> changes = VersionDiff.between(older, newer, t -> t.get("en"));

        assertThat(changes).extracting(DocumentPage.Change::kind).containsExactly("removed", "changed", "added");
        DocumentPage.Change changed = changes.get(1);
        assertThat(changed.section()).isEqualTo("Learning");
        assertThat(changed.pieces())
                .filteredOn(p -> p.kind().equals("ins"))
                .extracting(DocumentPage.Piece::text)
                .containsExactly("School exchanges", "museums");
        assertThat(changed.pieces())
                .filteredOn(p -> p.kind().equals("del"))
                .extracting(DocumentPage.Piece::text)
                .containsExactly("Exchanges", "historical sites");
        assertThat(changed.citesAdded()).containsExactly(13L);
        assertThat(changed.citesRemoved()).isEmpty();
        assertThat(changes.get(0).citesRemoved()).containsExactly(11L);
        assertThat(changes.get(2).pieces())
                .containsExactly(new DocumentPage.Piece("Governments should stop using history in politics.", "ins"));
    }

    @Test
    void japaneseIsComparedCharacterByCharacter() {
        List<DocumentPage.Piece> pieces = VersionDiff.words("学校間の交流を増やす。", "学校間の交流を倍に増やす。");

        assertThat(pieces)
                .containsExactly(
                        new DocumentPage.Piece("学校間の交流を", "same"),
                        new DocumentPage.Piece("倍に", "ins"),
                        new DocumentPage.Piece("増やす。", "same"));
    }

    @Test
    void theSameTextAndCitationsAreNoChange() {
        var v = snapshot(clause(1, "Same.", List.of(1L)));

        assertThat(VersionDiff.between(v, v, t -> t.get("en"))).isEmpty();
    }
}
