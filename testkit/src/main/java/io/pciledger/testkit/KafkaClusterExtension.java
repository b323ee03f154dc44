package io.pciledger.testkit;

import io.pciledger.testkit.internals.ClusterLauncher;
import io.pciledger.testkit.internals.ClusterRequest;
import io.pciledger.testkit.internals.ManagedCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link KafkaTest}: starts or reuses the cluster a test class asks for
 * before its first test, and injects it wherever a parameter is of type {@link KafkaCluster}.
 *
 * <p>Shared clusters live in the root {@link ExtensionContext.Store}, one per backend and broker
 * count, so that every class of the run reuses them and JUnit closes them once, when the run ends.
 * An isolated cluster lives in its class's store and is closed after the class. A class whose backend
 * cannot run here (Testcontainers without a Docker engine) is skipped with the reason.
 */
public final class KafkaClusterExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(KafkaClusterExtension.class);

    /**
     * Skips a whole test class whose backend cannot run here, with the reason, before anything of the
     * class runs. (An exception thrown while the class starts would be reported by Maven Surefire as a
     * class of no tests at all, rather than as skipped tests.)
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(final ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("the class decided");
        }
        return ClusterLauncher.reasonItCannotRun(requestOf(context))
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("the Kafka backend can run here"));
    }

    /** Starts (or finds) the class's cluster before its {@code @BeforeAll} methods run. */
    @Override
    public void beforeAll(final ExtensionContext context) {
        clusterFor(context);
    }

    @Override
    public boolean supportsParameter(final ParameterContext parameter, final ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(final ParameterContext parameter, final ExtensionContext context) {
        return clusterFor(context);
    }

    private static KafkaCluster clusterFor(final ExtensionContext context) {
        final ClusterRequest request = requestOf(context);
        final ExtensionContext owner = request.isolated() ? classContextOf(context) : context.getRoot();
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(request.storeKey(), key -> ClusterLauncher.start(request), ManagedCluster.class);
    }

    private static ClusterRequest requestOf(final ExtensionContext context) {
        final Class<?> testClass = context.getRequiredTestClass();
        final KafkaTest annotation = AnnotationSupport
                .findAnnotation(testClass, KafkaTest.class, context.getEnclosingTestClasses())
                .orElseThrow(() -> new ExtensionConfigurationException(KafkaClusterExtension.class.getSimpleName()
                        + " needs @KafkaTest on " + testClass.getName() + " to know which cluster it wants;"
                        + " annotate the class with @KafkaTest instead of @ExtendWith"));
        try {
            return ClusterRequest.of(annotation);
        } catch (final IllegalArgumentException invalid) {
            throw new ExtensionConfigurationException("Invalid Kafka cluster request on " + testClass.getName()
                    + ": " + invalid.getMessage(), invalid);
        }
    }

    private static ExtensionContext classContextOf(final ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext;
    }
}
