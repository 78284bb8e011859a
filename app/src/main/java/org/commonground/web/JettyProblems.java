package org.commonground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem JSON for the errors Jetty answers itself, before a request reaches Javalin and
 * {@link Problems}: a path with bytes that are not UTF-8 or an encoded NUL, slash or surrogate
 * ({@code /conversations/%C3%28}), a malformed request line. Jetty's own page is HTML and, for
 * DELETE or PUT, empty; API clients expect the same problem shape as every other error.
 */
final class JettyProblems extends ErrorHandler {
    private static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";

    private final Messages messages;

    JettyProblems(Messages messages) {
        this.messages = messages;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // every method gets its problem, not only GET, POST and HEAD
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        Language lang = Language.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE))
                .orElse(Language.EN);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(
                true, ByteBuffer.wrap(body(code, lang, request.getHttpURI().getPath())), callback);
    }

    /** Errors in the request line or headers, answered before there is a request to speak of. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, CONTENT_TYPE));
        return ByteBuffer.wrap(body(status, Language.EN, null));
    }

    private byte[] body(int status, Language lang, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean malformed = status == 400;
        body.put("type", Problems.TYPE_BASE + (malformed ? "malformed-request" : "http-" + status));
        String title = messages.get(lang, "problem.title." + status);
        if (title.startsWith("problem.")) { // a status without a title of its own (414, 431…)
            title = messages.get(lang, status < 500 ? "problem.title.400" : "problem.title.500");
        }
        body.put("title", title);
        body.put("status", status);
        body.put(
                "detail",
                malformed
                        ? messages.get(lang, "problem.malformed-request")
                        : messages.get(lang, "problem.http", status));
        if (path != null) {
            body.put("instance", path);
        }
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
