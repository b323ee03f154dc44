package io.pciledger.query.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends JSON rendered beforehand (a cached answer) straight to the servlet response, with its length. Javalin's
 * {@code ctx.result} would copy it through a stream and a new buffer, and through a compression wrapper that asks
 * for the response's headers before the first write; an answer of a few hundred bytes is never compressed (Javalin
 * compresses from 1,500 bytes on), so for the hottest reads that was work for nothing.
 */
final class PrerenderedJson {

    private PrerenderedJson() {
    }

    static void send(final Context ctx, final byte[] json) throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        final HttpServletResponse response = ctx.res();
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
