package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.query.auth.Principal;

/** Answers one route's request; {@code principal} is null on {@link Access#PUBLIC} routes. */
@FunctionalInterface
public interface ApiHandler {

    void handle(Context ctx, Principal principal) throws Exception;
}
