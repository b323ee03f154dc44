package io.pciledger.agent.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on rejected configuration: the exception type, its kind, then its message. */
final class SpecAssertions {

    private SpecAssertions() {
    }

    /** Asserts that {@code call} throws a {@link DeviceSpecException} of {@code kind}; chain message checks. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            final ThrowingCallable call, final DeviceSpecException.Kind kind) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(DeviceSpecException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    /** Asserts that {@code call} throws an {@link AliasException} of {@code kind}; chain message checks. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            final ThrowingCallable call, final AliasException.Kind kind) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(AliasException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    /** Asserts that {@code call} throws an {@link AliasRequestException} of {@code kind}; chain message checks. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            final ThrowingCallable call, final AliasRequestException.Kind kind) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(AliasRequestException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
