package org.commonground.polis;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.commonground.conversation.Access;
import org.commonground.web.PathIds;

/** The organizer's download of a conversation in the Pol.is export format. */
final class ExportPages {
    private final Access access;
    private final ConversationExport export;

    ExportPages(Access access, ConversationExport export) {
        this.access = access;
        this.export = export;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/organize/c/{conversationId}/polis-export.zip", this::polisExport);
    }

    /** The conversation in the Pol.is export format (comments, votes, participants with cohorts), zipped. */
    private void polisExport(Context ctx) throws java.io.IOException {
        long id = PathIds.of(ctx, "conversationId");
        access.requireOrganizer(ctx, id);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cg-export-");
        try {
            export.load(id).write(dir);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (var zip = new java.util.zip.ZipOutputStream(bytes);
                    var files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.sorted().toList()) {
                    zip.putNextEntry(new java.util.zip.ZipEntry("conversation-" + id + "/" + f.getFileName()));
                    java.nio.file.Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            ctx.header("Content-Disposition", "attachment; filename=\"conversation-" + id + "-polis.zip\"");
            ctx.contentType("application/zip").result(bytes.toByteArray());
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }
}
