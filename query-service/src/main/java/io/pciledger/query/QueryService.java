package io.pciledger.query;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.query.InstanceEndpoint;
import io.pciledger.ledger.run.LedgerRunner;
import io.pciledger.query.auth.Authenticator;
import io.pciledger.query.auth.TokenFile;
import io.pciledger.query.claims.ClaimResultWatcher;
import io.pciledger.query.claims.ClaimService;
import io.pciledger.query.claims.CommandSender;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.query.groups.GroupRegistrar;
import io.pciledger.query.http.Api;
import io.pciledger.query.http.ApiServer;
import io.pciledger.query.metrics.ServiceMetrics;
import io.pciledger.query.view.CloudViews;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the query service: the HTTP API over the ledger it embeds. Starting it starts, in order, the
 * cloud-wide views and the claim-result watcher (so nothing committed from then on is missed), the command and
 * registration producers, the HTTP server (whose port is the ledger's {@code application.server}) and the ledger
 * ({@link LedgerRunner}). Closing it stops them in reverse, the ledger leaving its group so another instance takes
 * its hosts over at once.
 *
 * <p>Topics must exist (co-partitioned, see {@code TopicProvisioner}) before it starts.
 */
public final class QueryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryService.class);
    /**
     * The threads requests wait on: as many requests as may wait at once (forwarded, in a rebalance, for ?after=,
     * a claim's lookup); a waiting thread costs memory, not CPU.
     */
    private static final int WAITING_THREADS = 256;
    /**
     * The threads committed claim results are answered on: apart from the waiting threads, so that claims are
     * answered while reads wait out a rebalance; not the result consumer's thread, which every claim waits on.
     */
    private static final int ANSWERING_THREADS = 4;
    private static final Duration POOL_DRAIN = Duration.ofSeconds(2);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final EmbeddedLedger ledger = new EmbeddedLedger();
    private LedgerRunner runner;
    private ApiServer server;
    private CloudViews views;
    private ClaimResultWatcher watcher;
    private volatile InstanceEndpoint self;

    private QueryService() {
    }

    /** Starts an instance; it is ready when {@link #awaitReady} says so. */
    public static QueryService start(final QueryServiceConfig config, final Clock clock) {
        final QueryService service = new QueryService();
        try {
            service.startAll(config, clock);
            return service;
        } catch (final RuntimeException failure) {
            service.close();
            throw failure;
        }
    }

    private void startAll(final QueryServiceConfig config, final Clock clock) {
        final Authenticator authenticator = TokenFile.load(config.tokensFile());
        final LedgerConfig ledgerConfig = config.ledger(config.httpPort());
        final TopicNames names = ledgerConfig.topicNames();
        final Map<String, Object> clients = config.clientProperties();
        final ServiceMetrics metrics = keep(new ServiceMetrics());
        views = keep(new CloudViews(names, clients).start());
        watcher = keep(new ClaimResultWatcher(names.of(Topics.CLAIM_RESULTS), clients));
        watcher.start();
        final CommandSender sender = keep(new CommandSender(names.of(Topics.COMMANDS), clients));
        final GroupRegistrar registrar = keep(new GroupRegistrar(names.of(Topics.GROUPS), clients, views,
                config.readWait(), clock));
        final ExecutorService waiting = keepRunning(threads("api-waiting-", WAITING_THREADS));
        final ExecutorService answering = keepRunning(threads("claim-answers-", ANSWERING_THREADS));
        final ClaimService claims = new ClaimService(sender, watcher, views.fleetPools(), views::hostPoolsReadToNow,
                config.claimTimeout(), config.placementAttempts(), clock, answering, metrics::commandStage);
        server = keep(ApiServer.start(config.httpHost(), config.httpPort(), config.httpThreads(),
                Api.routes(views, registrar, claims, ledger, () -> self, config.readWait(), config.candidatesLimit(),
                        metrics, this::readiness, waiting),
                authenticator, metrics));
        self = new InstanceEndpoint(config.advertisedHost(), server.port());
        runner = keep(new LedgerRunner(config.ledger(server.port())));
        metrics.bind(runner.streams());
        ledger.attach(runner.streams());
        runner.start();
    }

    /**
     * Up to {@code count} daemon threads named {@code prefix}N, started as work comes, then a queue. Work handed over
     * once the pool is closed runs on the thread that hands it over, so that no request's future is left without an
     * answer while the service stops.
     */
    private static ExecutorService threads(final String prefix, final int count) {
        final AtomicInteger numbered = new AtomicInteger();
        final ThreadPoolExecutor pool = new ThreadPoolExecutor(count, count, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    final Thread thread = new Thread(work, prefix + numbered.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, (work, closed) -> work.run());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Closes {@code pool} with the rest: what it was given still runs, briefly, then it is stopped. */
    private ExecutorService keepRunning(final ExecutorService pool) {
        keep(() -> {
            pool.shutdown();
            if (!pool.awaitTermination(POOL_DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        });
        return pool;
    }

    private <T extends AutoCloseable> T keep(final T resource) {
        started.push(resource);
        return resource;
    }

    /** The named checks of {@code /readyz}. */
    public Map<String, Boolean> readiness() {
        final Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("ledger_running", ledger.isRunning());
        checks.put("stores_answer", storesAnswer());
        checks.put("views_caught_up", views.isCaughtUp());
        checks.put("claim_results_followed", watcher.isPositioned());
        return checks;
    }

    private boolean storesAnswer() {
        try {
            ledger.active().groupCounts();
            return true;
        } catch (final RuntimeException notNow) {
            return false;
        }
    }

    /** Waits until every readiness check passes; false on timeout. */
    public boolean awaitReady(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness().values().stream().allMatch(Boolean::booleanValue)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The port the API listens on. */
    public int port() {
        return server.port();
    }

    /** This instance as other instances reach it ({@code application.server}). */
    public InstanceEndpoint endpoint() {
        return self;
    }

    /** The embedded ledger's Kafka Streams client (for tests and metrics). */
    public KafkaStreams streams() {
        return runner.streams();
    }

    /** Completes with the cause when the embedded ledger fails (a stream thread died): the instance is useless then. */
    public CompletionStage<Throwable> whenFailed() {
        return runner.whenFailed();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (final Exception failure) {
                LOG.warn("Failed to close a part of the query service", failure);
            }
        }
    }
}
