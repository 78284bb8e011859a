package org.commonground.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.commonground.problem.NotFound;

/**
 * Our own CSS, JavaScript and icon, plus htmx from its webjar, served by the app itself (no CDN).
 * Each file is read once at start-up; its URL carries a hash of its content, so browsers may keep
 * it for a year and a new release is fetched at once.
 */
public final class Assets {
    private static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    private record Asset(String name, byte[] bytes, String contentType, String version) {}

    private final Map<String, Asset> byName = new LinkedHashMap<>();

    public Assets() {
        add("app.css", "web/assets/app.css", "text/css; charset=utf-8");
        add("print.css", "web/assets/print.css", "text/css; charset=utf-8");
        add("app.js", "web/assets/app.js", "text/javascript; charset=utf-8");
        add("report.js", "web/assets/report.js", "text/javascript; charset=utf-8");
        add("embed.js", "web/assets/embed.js", "text/javascript; charset=utf-8");
        add("icon.svg", "web/assets/icon.svg", "image/svg+xml");
        add("htmx.min.js", HTMX, "text/javascript; charset=utf-8");
    }

    private void add(String name, String resource, String contentType) {
        byte[] bytes = read(resource);
        byName.put(name, new Asset(name, bytes, contentType, hash(bytes)));
    }

    /** The versioned URL of an asset, for example {@code /assets/3fa2c1d09b/app.css}. */
    public String url(String name) {
        Asset a = byName.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return "/assets/" + a.version() + "/" + a.name();
    }

    /** Size in bytes of an asset as served, for the page-weight budget. */
    public int size(String name) {
        return byName.get(name).bytes().length;
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/assets/{version}/{name}", this::serve);
    }

    private void serve(Context ctx) {
        Asset a = byName.get(ctx.pathParam("name"));
        if (a == null) {
            throw NotFound.of("asset", ctx.pathParam("name"));
        }
        // An old page may ask for an older version after a release: answer with the current file,
        // but only the current version's URL may be cached for long.
        boolean current = a.version().equals(ctx.pathParam("version"));
        ctx.header("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.contentType(a.contentType()).result(a.bytes());
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
