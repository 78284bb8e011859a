package org.commonground.dialogue;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.commonground.web.Language;

/**
 * The time zone a reader sees a schedule in: {@code ?tz=} (remembered in the {@code tz} cookie), else
 * the {@code tz} cookie the page's script sets from the browser's own zone, else UTC. The schedule is
 * stored as UTC instants; only its display and the organizer's form fields use the zone.
 */
record ReaderZone(ZoneId zone, boolean fromBrowser) {
    private static final int ONE_YEAR = 365 * 24 * 3600;

    static ReaderZone of(Context ctx, boolean secureCookies) {
        Optional<ZoneId> asked = parse(ctx.queryParam("tz"));
        if (asked.isPresent()) {
            ctx.cookie(new Cookie("tz", asked.get().getId(), "/", ONE_YEAR, secureCookies, false, null, SameSite.LAX));
            return new ReaderZone(asked.get(), true);
        }
        return parse(ctx.cookie("tz")).map(z -> new ReaderZone(z, true)).orElse(new ReaderZone(ZoneOffset.UTC, false));
    }

    static Optional<ZoneId> parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    ZoneId.of(java.net.URLDecoder.decode(raw.strip(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** An instant as the reader reads it, in their language and zone; empty for null. */
    String format(Instant at, Language lang) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(lang.locale())
                .withZone(zone)
                .format(at);
    }

    /** The zone's name for the reader ("Japan Standard Time", "日本標準時", "한국 표준시", or the id). */
    String name(Language lang, Instant at) {
        if (zone instanceof ZoneOffset) {
            return zone.getId().equals("Z") ? "UTC" : "UTC" + zone.getId();
        }
        boolean summer = zone.getRules().isDaylightSavings(at == null ? Instant.EPOCH : at);
        return java.util.TimeZone.getTimeZone(zone).getDisplayName(summer, java.util.TimeZone.LONG, lang.locale())
                + " (" + zone.getId() + ")";
    }

    /** The value of a {@code datetime-local} field for an instant in this zone. */
    String local(Instant at) {
        return at == null
                ? ""
                : LocalDateTime.ofInstant(at, zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    /** A {@code datetime-local} field's value read in this zone; empty when blank; IllegalArgumentException when malformed. */
    Optional<Instant> read(String local) {
        if (local == null || local.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(local.strip()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a local date and time: " + local, e);
        }
    }
}
