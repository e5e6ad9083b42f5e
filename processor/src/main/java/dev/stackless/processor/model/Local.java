package dev.stackless.processor.model;

/**
 * A local variable or parameter declared directly in an async body (not inside a lambda or class
 * in it). The hoisting analysis decides whether it becomes a field of the frame; the emitter then
 * names it.
 */
public final class Local {
  private final String sourceName;
  private final boolean parameter;
  private String name;
  private String type;
  private boolean hoisted;
  private java.util.function.Supplier<String> typeOracle;
  private java.util.function.Supplier<javax.lang.model.type.TypeMirror> mirrorOracle;
  private javax.lang.model.type.TypeMirror mirror;
  private Runnable fieldCheck;
  private Code constantInit;
  private boolean nameRepeated;
  private String readPrefix;
  private String readSuffix;

  public Local(String sourceName, boolean parameter, String type) {
    this.sourceName = sourceName;
    this.parameter = parameter;
    this.name = sourceName;
    this.type = type;
    this.hoisted = parameter;
  }

  /** The name the user wrote. */
  public String sourceName() {
    return sourceName;
  }

  /** The name in generated code: the user's, unless two hoisted locals share it. */
  public String name() {
    return name;
  }

  public void rename(String name) {
    this.name = name;
  }

  public boolean isParameter() {
    return parameter;
  }

  /** The declared type as Java source, or null for a {@code var} whose type is not needed yet. */
  public String type() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  /** For a {@code var}: asks javac for the type when a later pass needs it. */
  public void setTypeOracle(java.util.function.Supplier<String> typeOracle) {
    this.typeOracle = typeOracle;
  }

  /** The type as Java source, asking javac for a {@code var}'s (which may fail with a report). */
  public String resolvedType() {
    if (type == null && typeOracle != null) {
      type = typeOracle.get();
    }
    return type;
  }

  /** Where javac's type for this local comes from, when a field needs declaring. */
  public void setMirrorOracle(java.util.function.Supplier<javax.lang.model.type.TypeMirror> oracle) {
    this.mirrorOracle = oracle;
  }

  public void setMirror(javax.lang.model.type.TypeMirror mirror) {
    this.mirror = mirror;
  }

  /** javac's type for this local, or null if unknown. */
  public javax.lang.model.type.TypeMirror mirror() {
    if (mirror == null && mirrorOracle != null) {
      mirror = mirrorOracle.get();
    }
    return mirror;
  }

  /** A check to run if this local becomes a field: it reports a type a field cannot have. */
  public void setFieldCheck(Runnable check) {
    this.fieldCheck = check;
  }

  /** Runs the {@linkplain #setFieldCheck field check}, if any. */
  public void checkAsField() {
    if (fieldCheck != null) {
      fieldCheck.run();
    }
  }

  /**
   * Marks a constant variable (JLS 4.12.4: {@code final int K = 3;}) with its initializer. If it
   * lives across a suspension point it is no field: each {@code step()} declares it again, so that
   * it stays a constant (a case label, {@code byte b = K;}, the type of {@code c ? K : 'x'}).
   * {@code nameRepeated}: the method declares another variable of its name (one that the
   * declaration at the top of {@code step()} would clash with).
   */
  public void setConstant(Code init, boolean nameRepeated) {
    this.constantInit = init;
    this.nameRepeated = nameRepeated;
  }

  /**
   * Undoes {@link #setConstant}: a class body reads the local, and the frame may declare that
   * class as a member of its own, outside {@code step()}, which reads the frame's field.
   */
  public void keepAsVariable() {
    this.constantInit = null;
  }

  public boolean isConstant() {
    return constantInit != null;
  }

  /** A constant's initializer, a constant expression; null for other locals. */
  public Code constantInit() {
    return constantInit;
  }

  /** Whether the method declares another variable of this constant's name. */
  public boolean isNameRepeated() {
    return nameRepeated;
  }

  /**
   * For a {@code var} of an intersection type ({@code var x = c ? 1 : "s";}), which no field can
   * have: the field has a type the intersection is assignable to, and each read is wrapped in
   * {@code readPrefix} and {@code readSuffix} to have the var's own type again (a cast {@code ((A &
   * B) x)}, or {@code Results.lub(x, (Integer) null, (String) null)}); else null.
   */
  public String readPrefix() {
    return readPrefix;
  }

  public String readSuffix() {
    return readSuffix;
  }

  public void setReadAs(String prefix, String suffix) {
    this.readPrefix = prefix;
    this.readSuffix = suffix;
  }

  /** Whether reads of the field convert it back to the var's type ({@link #readPrefix}). */
  public boolean isReadConverted() {
    return readPrefix != null;
  }

  /** A read of {@code value}, this local's field or a copy of it, as the var's own type. */
  public String read(String value) {
    return readPrefix == null ? value : readPrefix + value + readSuffix;
  }

  public boolean isVar() {
    return typeOracle != null;
  }

  /** Whether the local lives across a suspension point, and so is a field of the frame. */
  public boolean isHoisted() {
    return hoisted;
  }

  public void hoist() {
    this.hoisted = true;
  }

  @Override
  public String toString() {
    return name;
  }
}
