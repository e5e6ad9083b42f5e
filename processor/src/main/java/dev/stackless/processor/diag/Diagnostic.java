package dev.stackless.processor.diag;

/**
 * Every message the processor reports, with a stable ID. The text says the rule, names the
 * construct and offers the way out; {@code %s} slots are filled by the reporter.
 */
public enum Diagnostic {
  SUSPEND_OUTSIDE_ASYNC(
      "SuspendOutsideAsync",
      "%s is a suspension point and may only appear in an @Async method; %s"),
  ASYNC_CALL_OUTSIDE_ASYNC(
      "AsyncCallOutsideAsync",
      "%s is an @Async method and may only be called directly from an @Async method; start it"
          + " with %s or run it with nosuspend(%s)"),
  ASYNC_METHOD_REFERENCE(
      "AsyncMethodReference",
      "%s is an @Async method: a method reference to it would run its body without a frame,"
          + " which fails where it suspends; use %s, which starts a frame"),
  SUSPEND_IN_LAMBDA(
      "SuspendInLambda",
      "cannot suspend inside a lambda body (%s); a lambda is not an async context, move the"
          + " suspension point out of the lambda"),
  SUSPEND_IN_CLASS(
      "SuspendInClass",
      "cannot suspend inside an anonymous or local class (%s); move the suspension point out of"
          + " the class body"),
  SUSPEND_IN_SUSPEND_BLOCK(
      "SuspendInSuspendBlock",
      "cannot suspend inside suspend block (%s); the frame is already suspended there"),
  SUSPEND_IN_SYNCHRONIZED(
      "SuspendInSynchronized",
      "cannot suspend inside synchronized (%s); a monitor cannot be held across a suspension"
          + " point"),
  ASYNC_CONSTRUCTOR("AsyncConstructor", "a constructor cannot be @Async; make it a method"),
  ASYNC_ABSTRACT(
      "AsyncAbstract",
      "a native method cannot be @Async; @Async needs a body to transform"),
  ASYNC_SYNCHRONIZED(
      "AsyncSynchronized",
      "a synchronized method cannot be @Async: its monitor cannot be held across a suspension"
          + " point; put a synchronized block around the code that does not suspend"),
  ASYNC_OWNER(
      "AsyncOwner",
      "@Async methods of %s cannot be transformed: %s"),
  ASYNC_OVERRIDE(
      "AsyncOverride",
      "%s is @Async and overrides %s, which is not: a plain call of %2$s would run the @Async"
          + " body outside a frame; %s"),
  MISSING_FRAMES(
      "MissingFrames",
      "%s is @Async, but its class %s was compiled without the Stackless processor: there is no"
          + " %s to start its frames; compile it with dev.stackless.processor on javac's processor"
          + " path"),
  UNSUPPORTED(
      "Unsupported",
      "%s is not supported yet by the Stackless processor; %s"),
  NOTE_ASYNC_METHOD("Note", "the enclosing method %s is not @Async"),
  NOTE_SUSPENDS_HERE("Note", "suspends here"),
  NOTE_CONSTRUCT("Note", "inside this %s"),
  DEFERRED(
      "UnresolvedType",
      "the signature of %s mentions a type that never became available: %s"),
  UNRESOLVED_LOCAL_TYPE(
      "UnresolvedType",
      "javac cannot give this var a type: %s; declare the variable with an explicit type"),
  INTERNAL_ERROR(
      "InternalError",
      "the Stackless processor failed on %s; please report this with the stack trace: %s");

  private final String id;
  private final String template;

  Diagnostic(String id, String template) {
    this.id = id;
    this.template = template;
  }

  public String id() {
    return id;
  }

  /** The text with its bracketed ID, as javac shows it. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(template, args);
  }
}
