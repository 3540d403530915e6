package org.pactbridge.service;

/**
 * A use case refused: the kind of refusal, a stable reason {@code code}, a short title and a detail that
 * names identifiers, nations and levels, never item content. The server turns the kind into a status
 * (not found 404, forbidden 403, conflict 409, bad input 400); the command line prints the detail.
 * One factory per kind, so the callers and the tests can pin the code.
 */
public final class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the refusal means to the caller, independent of how a front door reports it. */
  public enum Kind {
    /** The thing does not exist, or the caller may not know that it does. */
    NOT_FOUND,
    /** The caller's nation or role may not do this. */
    FORBIDDEN,
    /** The request collides with what is recorded. */
    CONFLICT,
    /** The request itself is wrong. */
    BAD_INPUT
  }

  private final Kind kind;
  private final String code;
  private final String title;

  private ServiceException(Kind kind, String code, String title, String detail) {
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
    this.title = title;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public static ServiceException notFound(String detail) {
    return new ServiceException(Kind.NOT_FOUND, "NOT_FOUND", "Not found", detail);
  }

  public static ServiceException forbidden(String code, String title, String detail) {
    return new ServiceException(Kind.FORBIDDEN, code, title, detail);
  }

  public static ServiceException conflict(String code, String title, String detail) {
    return new ServiceException(Kind.CONFLICT, code, title, detail);
  }

  public static ServiceException badInput(String code, String detail) {
    return new ServiceException(Kind.BAD_INPUT, code, "Bad input", detail);
  }
}
