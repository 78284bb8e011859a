package org.commonground.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one unchecked exception root of Common Ground. Domain code throws a subtype when a command
 * cannot be carried out; {@code web.Problems} maps it, in one place, to an RFC 9457 problem answer.
 *
 * <p>The {@code type} is a stable slug (for example {@code conversation-closed}) that clients may
 * switch on; {@code messageKey} names a message in {@code messages_*.properties} so the human
 * {@code detail} is written in the reader's language.
 */
public abstract sealed class CommonGroundException extends RuntimeException
        permits NotFound, Conflict, Invalid, Forbidden, Unauthorized, Unavailable, TooManyRequests {

    private final String type;
    private final String messageKey;
    private final transient Object[] args;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();

    protected CommonGroundException(String type, String messageKey, Object... args) {
        super(type + " (" + messageKey + ")");
        this.type = type;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** HTTP status this problem is answered with. */
    public abstract int status();

    /** Stable problem slug, appended to the problem type base URI. */
    public String type() {
        return type;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * Adds an RFC 9457 extension member to the answer, for data a client acts on (for example a
     * pointer to the existing statement a duplicate clashes with). Returns this exception.
     */
    public CommonGroundException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** Extension members of the problem answer, in the order they were added. */
    public Map<String, Object> extensions() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Field-level errors (empty unless the problem is about specific input fields). */
    public List<FieldError> fieldErrors() {
        return List.of();
    }

    /** One invalid input field, with the message key explaining why. */
    public record FieldError(String field, String messageKey, Object... args) {}
}
