package org.commonground.web;

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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the OpenAPI 3.1 document from the endpoints declared through {@link Api}. Request and
 * response schemas are derived from the record types the handlers really read and write.
 */
public final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private final Map<String, Object> schemas = new TreeMap<>();

    private OpenApiDocument() {}

    public static Map<String, Object> of(List<Api.Operation> operations) {
        return new OpenApiDocument().build(operations);
    }

    private Map<String, Object> build(List<Api.Operation> operations) {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Api.Operation op : operations) {
            paths.computeIfAbsent(op.path(), p -> new LinkedHashMap<>())
                    .put(op.method().name().toLowerCase(Locale.ROOT), operation(op));
        }
        schemas.put("Problem", problemSchema());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Common Ground API", "version", "1",
                "description", "Conversations, statements, votes, translations and results. "
                        + "Errors are RFC 9457 problem+json with a localized detail (Accept-Language: ja, ko, en)."));
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer",
                        "description", "An API token (cga_…) or a participant token (cgp_…)"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "cg_session"))));
        return doc;
    }

    private Map<String, Object> operation(Api.Operation op) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("tags", List.of(op.tag()));
        o.put("summary", op.summary());
        o.put("operationId", op.method().name().toLowerCase(Locale.ROOT) + op.path()
                .replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+(.)?", "_$1").replaceAll("_$", ""));
        List<Map<String, Object>> parameters = new java.util.ArrayList<>();
        Matcher m = PATH_PARAM.matcher(op.path());
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            o.put("parameters", parameters);
        }
        if (op.requestBody() != null) {
            o.put("requestBody", Map.of("required", true,
                    "content", Map.of("application/json", Map.of("schema", schemaOf(op.requestBody())))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        if (op.response() == null) {
            responses.put(String.valueOf(op.status()), Map.of("description", "Done"));
        } else {
            responses.put(String.valueOf(op.status()), Map.of("description", "Success",
                    "content", Map.of("application/json", Map.of("schema", schemaOf(op.response())))));
        }
        responses.put("default", Map.of("description", "A problem (RFC 9457)",
                "content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
        o.put("responses", responses);
        return o;
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
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class || c == Short.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return Map.of("type", "number");
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
            return Map.of("type", "string", "enum", java.util.Arrays.stream(c.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList());
        }
        if (c.isArray()) {
            return Map.of("type", "array", "items", schemaOf(c.getComponentType()));
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!schemas.containsKey(name)) {
                schemas.put(name, Map.of());  // placeholder: records may refer to themselves
                Map<String, Object> properties = new LinkedHashMap<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    properties.put(rc.getName(), schemaOf(rc.getGenericType()));
                }
                schemas.put(name, Map.of("type", "object", "properties", properties));
            }
            return Map.of("$ref", "#/components/schemas/" + name);
        }
        return Map.of("type", "object");
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "format", "uri"));
        properties.put("title", Map.of("type", "string"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string"));
        properties.put("instance", Map.of("type", "string"));
        properties.put("errors", Map.of("type", "array", "items", Map.of("type", "object", "properties", Map.of(
                "field", Map.of("type", "string"), "code", Map.of("type", "string"), "message", Map.of("type", "string")))));
        return Map.of("type", "object", "properties", properties);
    }
}
