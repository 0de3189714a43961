package org.gallerist.storage.jdbc.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every test of the class once on each engine: its {@code @Parameter String kind} names the engine for
 * {@link EngineUnderTest#start}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = { EngineUnderTest.DERBY, EngineUnderTest.POSTGRESQL })
@interface OnEveryEngine {
}
