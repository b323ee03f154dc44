package io.pciledger.query.http;

import io.javalin.http.Context;

/** Query and path parameters, checked, with a 400 naming the parameter when one is wrong. */
final class Params {

    private Params() {
    }

    static int intParam(final Context ctx, final String name, final int defaultValue, final int min, final int max) {
        final String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            final int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw ApiProblem.badRequest("query parameter '" + name + "' must be between " + min + " and " + max
                        + ", not " + value);
            }
            return value;
        } catch (final NumberFormatException notANumber) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be a whole number, not '" + text + "'");
        }
    }

    static long longParam(final Context ctx, final String name, final long defaultValue, final long min) {
        final String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            final long value = Long.parseLong(text);
            if (value < min) {
                throw ApiProblem.badRequest("query parameter '" + name + "' must be at least " + min + ", not " + value);
            }
            return value;
        } catch (final NumberFormatException notANumber) {
            throw ApiProblem.badRequest("query parameter '" + name + "' must be a whole number, not '" + text + "'");
        }
    }

    static boolean flag(final Context ctx, final String name) {
        final String text = ctx.queryParam(name);
        if (text == null) {
            return false;
        }
        return switch (text) {
            case "", "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiProblem.badRequest("query parameter '" + name + "' must be true or false, not '"
                    + text + "'");
        };
    }
}
