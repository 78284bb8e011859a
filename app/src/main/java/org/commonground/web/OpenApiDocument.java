package org.commonground.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.javalin.http.HandlerType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the OpenAPI 3.1 document from the endpoints declared through {@link Api}. Request and
 * response schemas are derived from the record types the handlers really read and write.
 */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Set<HandlerType> WRITES =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final String PROBLEM_JSON = "application/problem+json";

    /** The problem answers, by status: a name under components/responses and what it means here. */
    private static final Map<Integer, String[]> PROBLEMS = new TreeMap<>(Map.of(
            400, new String[] {"BadRequest", "Malformed request: unreadable JSON or text encoding"},
            401, new String[] {"Unauthorized", "No valid credentials for this: sign in, or send the token"},
            403,
                    new String[] {
                        "Forbidden",
                        "The credentials do not allow this (role, another conversation's token), "
                                + "or a browser request from another site or without the session's X-CSRF-Token"
                    },
            404,
                    new String[] {
                        "NotFound", "Nothing is there (an id that is not a positive integer names nothing either)"
                    },
            409,
                    new String[] {
                        "Conflict",
                        "Clashes with the current state (closed, duplicate, already taken …); "
                                + "the problem type says which"
                    },
            410, new String[] {"Gone", "Archived or revoked: it will not come back"},
            413, new String[] {"ContentTooLarge", "The body is over the server's size limit"},
            422, new String[] {"UnprocessableContent", "Well-formed but invalid input; errors lists the fields"},
            429, new String[] {"TooManyRequests", "Too many attempts; retry after Retry-After seconds"},
            503,
                    new String[] {
                        "ServiceUnavailable",
                        "The database or the analysis is busy or down; retry after " + "Retry-After seconds"
                    }));

    private final Map<String, Object> schemas = new TreeMap<>();

    private OpenApiDocument() {}

    public static Map<String, Object> of(List<Api.Operation> operations, Map<String, String> tagDescriptions) {
        return new OpenApiDocument().build(operations, tagDescriptions);
    }

    private Map<String, Object> build(List<Api.Operation> operations, Map<String, String> tagDescriptions) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Api.Operation op : operations) {
            paths.computeIfAbsent(op.path(), p -> new LinkedHashMap<>())
                    .put(op.method().name().toLowerCase(Locale.ROOT), operation(op));
        }
        schemas.put("Problem", problemSchema());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Common Ground API");
        info.put("version", "1");
        info.put(
                "description",
                "Conversations, statements, votes, translations and results. "
                        + "Errors are RFC 9457 problem+json with a localized detail (Accept-Language: ja, ko, en). "
                        + "Participants authenticate with the participant token they get on joining; staff with the "
                        + "session cookie of POST /api/v1/session (plus its X-CSRF-Token on writes) or an API token.");
        info.put("contact", Map.of("name", "The operators of this Common Ground server"));
        doc.put("info", info);
        doc.put("servers", List.of(Map.of("url", "/", "description", "This server")));
        doc.put(
                "tags",
                new TreeSet<>(operations.stream().map(Api.Operation::tag).toList())
                        .stream()
                                .map(t -> tagDescriptions.containsKey(t)
                                        ? Map.of("name", t, "description", tagDescriptions.get(t))
                                        : Map.of("name", t))
                                .toList());
        doc.put("paths", paths);
        Map<String, Object> responses = new LinkedHashMap<>();
        PROBLEMS.forEach((status, named) -> responses.put(named[0], problemResponse(status, named[1])));
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("responses", responses);
        components.put("securitySchemes", securitySchemes());
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> securitySchemes() {
        Map<String, Object> schemes = new LinkedHashMap<>();
        schemes.put(
                "participantToken",
                Map.of(
                        "type",
                        "http",
                        "scheme",
                        "bearer",
                        "bearerFormat",
                        "cgp_…",
                        "description",
                        "The participant token (cgp_…) returned once by joining a conversation. Browsers send "
                                + "the HttpOnly cookie cg_participant_{conversationId} set on joining instead."));
        schemes.put(
                "apiToken",
                Map.of(
                        "type",
                        "http",
                        "scheme",
                        "bearer",
                        "bearerFormat",
                        "cga_…",
                        "description",
                        "An API token (cga_…) of an account, created with POST /api/v1/me/tokens."));
        schemes.put(
                "session",
                Map.of(
                        "type",
                        "apiKey",
                        "in",
                        "cookie",
                        "name",
                        "cg_session",
                        "description",
                        "The session cookie set by signing in (POST /api/v1/session)."));
        schemes.put(
                "csrfToken",
                Map.of(
                        "type",
                        "apiKey",
                        "in",
                        "header",
                        "name",
                        "X-CSRF-Token",
                        "description",
                        "The session's CSRF token (csrfToken in the answers of POST /api/v1/session and "
                                + "GET /api/v1/me), required with the session cookie on POST, PUT, PATCH and DELETE."));
        return schemes;
    }

    /** Alternatives, any one of which suffices; an empty requirement means no credentials at all. */
    private static List<Map<String, List<String>>> security(Api.Operation op) {
        boolean write = WRITES.contains(op.method());
        Map<String, List<String>> session =
                write ? Map.of("session", List.of(), "csrfToken", List.of()) : Map.of("session", List.of());
        Map<String, List<String>> participant = Map.of("participantToken", List.of());
        Map<String, List<String>> apiToken = Map.of("apiToken", List.of());
        return switch (op.caller()) {
            case ANYONE -> List.of();
            case READER -> List.of(Map.of(), participant, session, apiToken);
            case PARTICIPANT -> List.of(participant);
            case PARTICIPANT_OR_ACCOUNT -> List.of(participant, session, apiToken);
            case ACCOUNT -> List.of(session, apiToken);
        };
    }

    /** The problem statuses an operation may answer: from its caller, body and path, plus those it declares. */
    static Set<Integer> problemStatuses(Api.Operation op) {
        Set<Integer> statuses = new TreeSet<>(op.problems());
        if (op.requestBody() != null) {
            statuses.addAll(List.of(400, 413, 422));
        }
        if (PATH_PARAM.matcher(op.path()).find()) {
            statuses.add(404);
        }
        if (WRITES.contains(op.method())) {
            statuses.add(403); // the cross-site check of every API write
        }
        if (op.caller() != null && op.caller() != Caller.ANYONE && op.caller() != Caller.READER) {
            statuses.addAll(List.of(401, 403));
        }
        statuses.add(503); // any endpoint that reads the database answers 503 while it is down
        return statuses;
    }

    private static Map<String, Object> problemResponse(int status, String description) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        if (status == 429 || status == 503) {
            response.put(
                    "headers",
                    Map.of(
                            "Retry-After",
                            Map.of(
                                    "description",
                                    "Seconds to wait before retrying",
                                    "schema",
                                    Map.of("type", "integer", "minimum", 1))));
        }
        response.put("content", Map.of(PROBLEM_JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        return response;
    }

    private Map<String, Object> operation(Api.Operation op) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tags", List.of(op.tag()));
        o.put("summary", op.summary());
        o.put("operationId", op.operationId() != null ? op.operationId() : derivedId(op));
        if (op.caller() != null) {
            o.put("security", security(op));
        }
        List<Map<String, Object>> parameters = new java.util.ArrayList<>();
        Matcher m = PATH_PARAM.matcher(op.path());
        while (m.find()) {
            String name = m.group(1);
            Map<String, Object> schema = name.endsWith("Id")
                    ? Map.of("type", "integer", "format", "int64", "minimum", 1)
                    : Map.of("type", "string");
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", schema));
        }
        if (!parameters.isEmpty()) {
            o.put("parameters", parameters);
        }
        if (op.requestBody() != null) {
            o.put(
                    "requestBody",
                    Map.of(
                            "required",
                            true,
                            "content",
                            Map.of("application/json", Map.of("schema", schemaOf(op.requestBody())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        if (op.response() == null) {
            responses.put(String.valueOf(op.status()), Map.of("description", "Done"));
        } else {
            responses.put(
                    String.valueOf(op.status()),
                    Map.of(
                            "description",
                            "Success",
                            "content",
                            Map.of(op.mediaType(), Map.of("schema", schemaOf(op.response())))));
        }
        for (int status : problemStatuses(op)) {
            responses.put(String.valueOf(status), Map.of("$ref", "#/components/responses/" + PROBLEMS.get(status)[0]));
        }
        responses.put(
                "default",
                Map.of(
                        "description",
                        "An unexpected failure (500), as a problem (RFC 9457)",
                        "content",
                        Map.of(PROBLEM_JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        o.put("responses", responses);
        return o;
    }

    /** getConversationsVotes for GET /api/v1/conversations/{conversationId}/votes: stable, if clumsy. */
    private static String derivedId(Api.Operation op) {
        StringBuilder id = new StringBuilder(op.method().name().toLowerCase(Locale.ROOT));
        for (String segment : op.path().replaceFirst("^/api/v1/", "").split("/")) {
            if (segment.isEmpty() || segment.startsWith("{")) {
                continue;
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    private Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", "array", "items", schemaOf(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", "object", "additionalProperties", schemaOf(args[1]));
            }
            if (raw == Optional.class) {
                return schemaOf(args[0]);
            }
            return Map.of("type", "object");
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == char.class) {
            return Map.of("type", "string");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64"); // ids: clients must not squeeze them into 32 bits
        }
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == double.class || c == Double.class) {
            return Map.of("type", "number", "format", "double");
        }
        if (c == float.class || c == Float.class) {
            return Map.of("type", "number", "format", "float");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c.isEnum()) {
            return Map.of(
                    "type",
                    "string",
                    "enum",
                    java.util.Arrays.stream(c.getEnumConstants())
                            .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                            .toList());
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schemaOf(c.getComponentType()));
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of()); // placeholder: records may refer to themselves
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    if (ignored(rc)) {
                        continue; // not written by Jackson either
                    }
                    properties.put(rc.getName(), schemaOf(rc.getGenericType()));
                }
                schemas.put(name, Map.of("type", "object", "properties", properties));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    private static boolean ignored(RecordComponent rc) {
        JsonIgnore onComponent = rc.getAnnotation(JsonIgnore.class);
        JsonIgnore onAccessor = rc.getAccessor().getAnnotation(JsonIgnore.class);
        return (onComponent != null && onComponent.value()) || (onAccessor != null && onAccessor.value());
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put(
                "errors",
                Map.of(
                        "type",
                        "array",
                        "items",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of(
                                        "field",
                                        Map.of("type", "string"),
                                        "code",
                                        Map.of("type", "string"),
                                        "message",
                                        Map.of("type", "string")))));
        return Map.of(
                "type", "object", "required", List.of("type", "title", "status", "detail"), "properties", properties);
    }
}
