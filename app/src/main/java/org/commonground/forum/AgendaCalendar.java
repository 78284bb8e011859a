package org.commonground.forum;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.commonground.web.Page;

/** A delegate's agenda as an iCalendar (RFC 5545) feed, in the reader's language. */
final class AgendaCalendar {
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AgendaCalendar() {}

    static String of(
            ForumStore.Forum forum, long delegateId, List<ForumRoutes.AgendaItem> items, Page page, Instant now) {
        String title = forum.titles().get(page.lang().code());
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Common Ground//Forum agenda//" + page.lang().code().toUpperCase(java.util.Locale.ROOT));
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(title));
        for (ForumRoutes.AgendaItem item : items) {
            String with = item.parties().stream()
                    .filter(p -> p.accountId() != delegateId)
                    .map(p -> p.name() + " (" + p.organizationName() + ")")
                    .collect(Collectors.joining(", "));
            line(out, "BEGIN:VEVENT");
            line(out, "UID:forum-" + forum.id() + "-meeting-" + item.meetingId() + "@commonground");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(item.start()));
            line(out, "DTEND:" + UTC.format(item.end()));
            line(out, "SUMMARY:" + escape(page.t("forum.agenda.meeting-with", with)));
            line(
                    out,
                    "LOCATION:"
                            + escape(page.t("forum.agenda.table", item.table() + 1)
                                    + (forum.venue().isEmpty() ? "" : ", " + forum.venue())));
            if (!item.note().isEmpty()) {
                line(out, "DESCRIPTION:" + escape(item.note()));
            }
            line(out, "STATUS:" + (item.published() ? "CONFIRMED" : "TENTATIVE"));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence, with CRLF. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
