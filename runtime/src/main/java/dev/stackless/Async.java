package dev.stackless;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body the processor rewrites into a frame class, {@code OwnerAsync.F}.
 *
 * <p>Allowed on constructors only so that the processor can say why a constructor cannot be
 * {@code @Async}, instead of javac saying the annotation does not apply.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface Async {}
