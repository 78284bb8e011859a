package org.commonground.problem;

import java.util.List;

/**
 * The request itself is wrong: malformed (400) or well-formed but unacceptable input (422, with
 * field errors).
 */
public final class Invalid extends CommonGroundException {
    private final int status;
    private final List<FieldError> fieldErrors;

    private Invalid(int status, String type, String messageKey, List<FieldError> fieldErrors, Object... args) {
        super(type, messageKey, args);
        this.status = status;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** Unreadable request: bad JSON, bad encoding, a body too large and so on (400, or 413 for size). */
    public static Invalid malformed(String type, String messageKey, Object... args) {
        return new Invalid(400, type, messageKey, List.of(), args);
    }

    /** A body over the size limit (413). */
    public static Invalid tooLarge(long limitBytes) {
        return new Invalid(413, "body-too-large", "problem.body-too-large", List.of(), limitBytes);
    }

    /** One field fails validation (422). */
    public static Invalid field(String field, String messageKey, Object... args) {
        return new Invalid(
                422, "invalid-input", "problem.invalid-input", List.of(new FieldError(field, messageKey, args)));
    }

    /** Several fields fail validation (422). */
    public static Invalid fields(List<FieldError> errors) {
        return new Invalid(422, "invalid-input", "problem.invalid-input", errors);
    }

    /** Input that fails a rule not tied to one field (422), with its own type. */
    public static Invalid rule(String type, String messageKey, Object... args) {
        return new Invalid(422, type, messageKey, List.of(), args);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
