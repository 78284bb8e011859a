package org.commonground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of HTTP API endpoints. Every {@code /api/v1} route is added through it, so the
 * OpenAPI document ({@link OpenApiDocument}) is generated from the same declarations that route
 * requests and cannot drift from them.
 */
public final class Api {
    private final RoutesConfig routes;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    public Api(RoutesConfig routes) {
        this.routes = routes;
    }

    /** The routes of the server, for the HTML pages registered beside the API. */
    public RoutesConfig routes() {
        return routes;
    }

    /**
     * One documented endpoint.
     *
     * @param operationId  stable name of the operation in generated clients (camelCase), or null to derive one
     * @param caller       who may call it, or null when its declaration does not say (the lint test fails then)
     * @param requestBody  record type of the JSON body, or null when there is none
     * @param response     type of the JSON answer (a record, a List of records, …), or null for 204
     * @param status       status of a successful answer
     * @param mediaType    media type of a successful answer (application/json unless {@link Endpoint#returnsText})
     * @param problems     problem statuses the endpoint itself may answer beyond those its caller, body and
     *                     path imply (409, 410, 429, …)
     */
    public record Operation(
            HandlerType method,
            String path,
            String tag,
            String operationId,
            String summary,
            Caller caller,
            Type requestBody,
            Type response,
            int status,
            String mediaType,
            Set<Integer> problems) {}

    /** Describes a tag for the document's readers; each feature describes the tags it uses (the same text if shared). */
    public void tag(String name, String description) {
        tags.put(name, description);
    }

    /** Tag descriptions by tag name, in the order they were first described. */
    public Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    /** Starts the declaration of an endpoint; finish it with {@link Endpoint#handle}. */
    public Endpoint get(String path) {
        return new Endpoint(HandlerType.GET, path);
    }

    public Endpoint post(String path) {
        return new Endpoint(HandlerType.POST, path);
    }

    public Endpoint put(String path) {
        return new Endpoint(HandlerType.PUT, path);
    }

    public Endpoint patch(String path) {
        return new Endpoint(HandlerType.PATCH, path);
    }

    public Endpoint delete(String path) {
        return new Endpoint(HandlerType.DELETE, path);
    }

    /** The type {@code List<element>}, for endpoints answering with a JSON array. */
    public static Type listOf(Class<?> element) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** A fluent endpoint declaration: {@code api.post("/api/v1/x").tag("x").summary("…").body(A.class).returns(B.class, 201).handle(h)}. */
    public final class Endpoint {
        private final HandlerType method;
        private final String path;
        private String tag = "default";
        private String operationId;
        private String summary = "";
        private Caller caller;
        private final Set<Integer> problems = new TreeSet<>();
        private Type body;
        private Type response;
        private int status = 200;
        private String mediaType = "application/json";

        private Endpoint(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        public Endpoint tag(String value) {
            this.tag = value;
            return this;
        }

        /** The operation's name in generated clients: a camelCase verb phrase, unique in the API. */
        public Endpoint id(String value) {
            this.operationId = value;
            return this;
        }

        /** Who may call it; the security requirement and the 401/403 answers follow from it. */
        public Endpoint caller(Caller value) {
            this.caller = value;
            return this;
        }

        /**
         * Problem statuses this endpoint answers beyond those implied by its caller (401/403), body
         * (400/413/422), path ids (404) and the database (503): a state clash 409, gone 410, 429 …
         */
        public Endpoint problems(int... statuses) {
            for (int s : statuses) {
                problems.add(s);
            }
            return this;
        }

        public Endpoint summary(String value) {
            this.summary = value;
            return this;
        }

        public Endpoint body(Type value) {
            this.body = value;
            return this;
        }

        public Endpoint returns(Type value) {
            this.response = value;
            return this;
        }

        public Endpoint returns(Type value, int successStatus) {
            this.response = value;
            this.status = successStatus;
            return this;
        }

        /** An endpoint answering with text of this media type (text/csv …) rather than JSON. */
        public Endpoint returnsText(String textMediaType) {
            this.response = String.class;
            this.mediaType = textMediaType;
            return this;
        }

        /** An endpoint answering with no body (204 unless told otherwise). */
        public Endpoint noContent() {
            this.response = null;
            this.status = 204;
            return this;
        }

        public void handle(Handler handler) {
            operations.add(new Operation(
                    method,
                    path,
                    tag,
                    operationId,
                    summary,
                    caller,
                    body,
                    response,
                    status,
                    mediaType,
                    Set.copyOf(problems)));
            routes.addHttpHandler(method, path, handler);
        }
    }
}
