package dev.stackless.processor.model;

/** Where the value of a suspension point goes. */
public final class ResultTarget {
  public enum Kind {
    /** The value is dropped: {@code await(f);} */
    DISCARD,
    /** {@code T x = sp;} */
    DECLARE,
    /** {@code x = sp;} with x a local of the async body */
    ASSIGN_LOCAL,
    /** {@code field = sp;} with a field of the owner */
    ASSIGN_FIELD,
    /** {@code return sp;} */
    RETURN,
    /** {@code if (sp)}, {@code while (sp)}: the value decides a branch */
    CONDITION,
    /** {@code throw sp;} */
    THROW
  }

  public static final ResultTarget DISCARD = new ResultTarget(Kind.DISCARD, null, null, null, null);
  public static final ResultTarget RETURN = new ResultTarget(Kind.RETURN, null, null, null, null);
  public static final ResultTarget THROW = new ResultTarget(Kind.THROW, null, null, null, null);
  public static final ResultTarget CONDITION =
      new ResultTarget(Kind.CONDITION, null, null, null, "boolean");

  public final Kind kind;
  public final Local local;
  /** For ASSIGN_FIELD: the field access, already qualified; null for a private field. */
  public final Code field;
  /**
   * For ASSIGN_FIELD to a private field of the owner, which the generated class reaches through
   * its accessors: the start of the setter call, {@code OwnerAsync.count$set(}.
   */
  public final Code setter;
  /** For ASSIGN_FIELD and CONDITION: the type of the target as source. */
  public final String type;

  private ResultTarget(Kind kind, Local local, Code field, Code setter, String type) {
    this.kind = kind;
    this.local = local;
    this.field = field;
    this.setter = setter;
    this.type = type;
  }

  /** For ASSIGN_FIELD: the statement that stores {@code value} into the field. */
  public Code fieldAssignment(Code value) {
    return setter != null
        ? Code.concat(setter, value, ");")
        : Code.concat(field, " = ", value, ";");
  }

  public static ResultTarget declare(Local local) {
    return new ResultTarget(Kind.DECLARE, local, null, null, null);
  }

  public static ResultTarget assignLocal(Local local) {
    return new ResultTarget(Kind.ASSIGN_LOCAL, local, null, null, null);
  }

  public static ResultTarget assignField(Code field, String type) {
    return new ResultTarget(Kind.ASSIGN_FIELD, null, field, null, type);
  }

  /** {@code count = sp;} with {@code count} a private field of the owner: through its setter. */
  public static ResultTarget assignPrivateField(Code setter, String type) {
    return new ResultTarget(Kind.ASSIGN_FIELD, null, null, setter, type);
  }
}
