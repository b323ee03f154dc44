package io.pciledger.ledger.domain;

import java.util.regex.Pattern;

/**
 * What a new claim's id may be: ASCII letters, digits and {@code - . _ ~ : @}, 1 to 255 of them, and not only dots.
 *
 * <p>The id names the claim in the API's paths ({@code /v1/claims/{claim_id}/confirm}), so it is kept to characters
 * every client can put in a path segment as they are. One with {@code /}, {@code %} or {@code ;} could be granted
 * and then never be confirmed or released by path (servers refuse those encoded), {@code .} and {@code ..} are path
 * steps, and the rest must be percent-encoded by every client, which some forget. UUIDs and compound keys such as
 * {@code vm-42:boot@2026-11-24} fit.
 *
 * <p>The ledger holds every new claim to it, whichever way the command came ({@link RequestValidator}); a claim id
 * it has decided before is answered as before, so retries of claims older than the rule keep their answer.
 */
public final class ClaimId {

    /** The rule in words, for messages. */
    public static final String RULE = "only ASCII letters, digits and - . _ ~ : @ (not only dots), at most 255 "
            + "characters";

    private static final Pattern WELL_FORMED = Pattern.compile("(?!\\.+$)[A-Za-z0-9._~:@-]{1,255}");

    private ClaimId() {
    }

    /** Whether {@code claimId} may name a new claim. */
    public static boolean isWellFormed(final String claimId) {
        return claimId != null && WELL_FORMED.matcher(claimId).matches();
    }
}
