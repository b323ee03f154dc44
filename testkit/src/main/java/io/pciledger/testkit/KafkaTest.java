package io.pciledger.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a real Kafka cluster, injected as a {@link KafkaCluster} parameter of
 * its constructor, its {@code @BeforeAll} methods or its test methods.
 *
 * <pre>{@code
 * @KafkaTest
 * class LedgerTopologyIT {
 *     @Test
 *     void claimIsGrantedOnce(KafkaCluster kafka) {
 *         Properties streams = new Properties();
 *         streams.putAll(kafka.clientProperties());
 *         ...
 *     }
 * }
 *
 * @KafkaTest(brokers = 3, isolated = true)      // a cluster of its own: this class kills nodes
 * class FailoverIT { ... kafka.nodeControl().orElseThrow().killNode(1); ... }
 * }</pre>
 *
 * <p>By default every class of a test run that asks for the same backend and broker count shares one
 * cluster, started on first use and closed when the run ends; use unique topic names and
 * application ids. The backend is the embedded child-JVM cluster unless the system property
 * {@code kafka.backend} (or {@link #backend()}) says {@code testcontainers}: one container of the
 * {@code apache/kafka} image per broker. Where that backend cannot run (no Docker engine), the class is reported as
 * skipped, with the reason.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(KafkaClusterExtension.class)
public @interface KafkaTest {

    /** How many brokers the cluster has. */
    int brokers() default 1;

    /**
     * Whether the class gets a cluster of its own, started before its first test and closed after its
     * last one: for tests that kill, stop or reconfigure brokers, which would disturb other classes.
     */
    boolean isolated() default false;

    /** Where the cluster runs; {@link Backend#DEFAULT} follows the {@code kafka.backend} system property. */
    Backend backend() default Backend.DEFAULT;
}
