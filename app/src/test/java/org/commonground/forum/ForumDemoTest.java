package org.commonground.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.commonground.account.Role;
import org.commonground.db.Database;
import org.commonground.testing.FreshDatabase;
import org.commonground.testing.TestAccounts;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The demo forum as the issue asks for it: about 120 organizations across the three countries, 40
 * projects in Southeast and South Asia, proposals of one firm per country that explain themselves,
 * and a published day of meetings without double booking.
 */
class ForumDemoTest {
    @RegisterExtension
    static final FreshDatabase db = new FreshDatabase();

    static Jdbi jdbi;
    static long forum;
    static long delegate;

    @BeforeAll
    static void seed() {
        jdbi = Database.jdbi(db.get().dataSource());
        TestAccounts accounts = new TestAccounts(db.get());
        long organizer = accounts.organizer().id();
        delegate = accounts.create(Role.DELEGATE).id();
        forum = ForumFeature.seedDemo(
                jdbi,
                organizer,
                delegate,
                local -> accounts.account(local + "@example.org", Role.DELEGATE).id());
    }

    private static long count(String sql) {
        return jdbi.withHandle(
                h -> h.createQuery(sql).bind("f", forum).mapTo(Long.class).one());
    }

    @Test
    void hasOrganizationsFromEachCountryAndProjectsAcrossTheRegion() {
        Map<String, Long> byCountry = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery(
                        "SELECT country, count(*) FROM forum_organization WHERE forum_id = :f GROUP BY country")
                .bind("f", forum)
                .map((rs, ctx) -> byCountry.put(rs.getString(1), rs.getLong(2)))
                .forEach(x -> {}));

        assertThat(byCountry).containsEntry("US", 40L).containsEntry("JP", 40L).containsEntry("KR", 40L);
        assertThat(count("SELECT count(*) FROM forum_project WHERE forum_id = :f"))
                .isEqualTo(40);
        assertThat(count("SELECT count(DISTINCT host_country) FROM forum_project WHERE forum_id = :f"))
                .isGreaterThanOrEqualTo(6);
        assertThat(count("SELECT count(DISTINCT sector) FROM forum_project WHERE forum_id = :f"))
                .isGreaterThanOrEqualTo(7);
    }

    @Test
    void proposalsHaveOneFirmPerCountryAndExplainWhoCoversWhat() {
        List<ProposalStore.Proposal> proposals = new ProposalStore(jdbi).proposals(forum, null);
        List<ProposalStore.Proposal> best =
                proposals.stream().filter(p -> p.rank() == 1).toList();

        assertThat(best).hasSizeGreaterThanOrEqualTo(38);
        for (ProposalStore.Proposal p : proposals) {
            assertThat(p.members()).extracting(ProposalStore.Member::seat).containsExactly("US", "JP", "KR");
            assertThat(p.explanation()).isNotEmpty();
            double covered = p.explanation().stream()
                    .filter(c -> !c.seats().isEmpty())
                    .mapToDouble(ProposalStore.Covered::weight)
                    .sum();
            double total = p.explanation().stream()
                    .mapToDouble(ProposalStore.Covered::weight)
                    .sum();
            assertThat(p.coverage()).isCloseTo(covered / total, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(best.stream()
                        .mapToDouble(ProposalStore.Proposal::coverage)
                        .average()
                        .orElse(0))
                .isGreaterThan(0.8);
        assertThat(count("SELECT count(*) FROM forum_consortium WHERE forum_id = :f"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void theDayIsPublishedWithoutDoubleBookingAndTheDemoDelegateHasMeetings() {
        long placed =
                count("SELECT count(*) FROM forum_meeting WHERE forum_id = :f AND slot IS NOT NULL AND published");
        long tableClashes = count("""
                SELECT count(*) FROM (SELECT slot, table_no FROM forum_meeting WHERE forum_id = :f AND slot IS NOT NULL
                                       GROUP BY slot, table_no HAVING count(*) > 1) x""");
        long delegateClashes = count("""
                SELECT count(*) FROM (SELECT p.account_id, m.slot FROM forum_meeting m JOIN forum_meeting_party p ON p.meeting_id = m.id
                                       WHERE m.forum_id = :f AND m.slot IS NOT NULL GROUP BY p.account_id, m.slot HAVING count(*) > 1) x""");
        long unavailable = count("""
                SELECT count(*) FROM forum_meeting m JOIN forum_meeting_party p ON p.meeting_id = m.id
                  JOIN forum_delegate d ON d.forum_id = m.forum_id AND d.account_id = p.account_id
                 WHERE m.forum_id = :f AND m.slot IS NOT NULL AND (d.availability >> m.slot) & 1 = 0""");
        long mine = jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM forum_meeting m JOIN forum_meeting_party p ON p.meeting_id = m.id
                         WHERE m.forum_id = :f AND p.account_id = :d AND m.slot IS NOT NULL""")
                .bind("f", forum)
                .bind("d", delegate)
                .mapTo(Long.class)
                .one());

        assertThat(placed).isGreaterThan(100);
        assertThat(tableClashes).isZero();
        assertThat(delegateClashes).isZero();
        assertThat(unavailable).isZero();
        assertThat(mine).isGreaterThanOrEqualTo(5);
    }
}
