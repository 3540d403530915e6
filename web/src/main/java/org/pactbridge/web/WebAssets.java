package org.pactbridge.web;

/**
 * Where the web pages lie on the classpath. A node serves the folder {@link #CLASSPATH_ROOT} at
 * {@code /} (Javalin: {@code config.staticFiles.add(WebAssets.CLASSPATH_ROOT, Location.CLASSPATH)}),
 * and the pages call the REST API under {@code /api/v1} on the same origin. Every asset the pages load
 * is in that folder: no request leaves the node.
 */
public final class WebAssets {
  /** The classpath folder holding {@code index.html}, {@code app.css} and {@code js/}. */
  public static final String CLASSPATH_ROOT = "/org/pactbridge/web/static";

  /** The page a browser gets at {@code /}. */
  public static final String INDEX = CLASSPATH_ROOT + "/index.html";

  private WebAssets() {}
}
