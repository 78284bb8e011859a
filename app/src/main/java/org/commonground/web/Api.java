package org.commonground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of HTTP API endpoints. Every {@code /api/v1} route is added through it, so the
 * OpenAPI document ({@link OpenApiDocument}) is generated from the same declarations that route
 * requests and cannot drift from them.
 */
public final class Api {
    private final RoutesConfig routes;
    private final List<Operation> operations = new ArrayList<>();

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
     * @param requestBody  record type of the JSON body, or null when there is none
     * @param response     type of the JSON answer (a record, a List of records, …), or null for 204
     * @param status       status of a successful answer
     */
    public record Operation(HandlerType method, String path, String tag, String summary,
                            Type requestBody, Type response, int status) {}

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
        private String summary = "";
        private Type body;
        private Type response;
        private int status = 200;

        private Endpoint(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        public Endpoint tag(String value) {
            this.tag = value;
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

        /** An endpoint answering with no body (204 unless told otherwise). */
        public Endpoint noContent() {
            this.response = null;
            this.status = 204;
            return this;
        }

        public void handle(Handler handler) {
            operations.add(new Operation(method, path, tag, summary, body, response, status));
            routes.addHttpHandler(method, path, handler);
        }
    }
}
