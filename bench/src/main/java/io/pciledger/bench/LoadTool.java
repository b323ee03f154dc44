package io.pciledger.bench;

import java.util.Locale;

/**
 * Generates HTTP load as a {@link LoadPlan} says and measures it: {@link WrkLoad} (the {@code wrk} program, when it
 * is on the PATH) or {@link JavaHttpLoad} (a closed loop of Java threads, when it is not).
 */
interface LoadTool {

    /** Runs the warm-up, then the measured load. */
    LoadResult run(LoadPlan plan) throws Exception;

    /**
     * The tool {@code choice} names: {@code wrk}, {@code java}, or {@code auto} (wrk when it is on the PATH, else
     * Java).
     *
     * @throws IllegalArgumentException for another name, or {@code wrk} when it is not installed
     */
    static LoadTool choose(final String choice) {
        switch (choice.toLowerCase(Locale.ROOT)) {
            case "auto":
                return WrkLoad.find().<LoadTool>map(wrk -> wrk).orElseGet(JavaHttpLoad::new);
            case "wrk":
                return WrkLoad.find().orElseThrow(() -> new IllegalArgumentException(
                        "--load-tool wrk: no wrk on the PATH (Debian: apt-get install wrk), or use --load-tool java"));
            case "java":
                return new JavaHttpLoad();
            default:
                throw new IllegalArgumentException("--load-tool must be auto, wrk or java, not '" + choice + "'");
        }
    }
}
