package org.pactbridge.tdf;

/**
 * The two manifest forms this module reads. Pactbridge writes {@link #V4_3_0}; {@link #LEGACY} is what
 * the OpenTDF Java SDK 0.7.x writes (and reads), kept for peers that have not moved on. docs/ztdf.md lists
 * the differences.
 */
public enum TdfForm {
  /**
   * OpenTDF 4.3.0: {@code tdf_spec_version} present; segment hashes, root signature and policy binding
   * are Base64 of the raw MAC; {@code method.isStreamable}; RSA-OAEP with SHA-256 and MGF1-SHA-256;
   * assertion scope and state in lower case, binding method {@code jws}.
   */
  V4_3_0,
  /**
   * SDK 0.7.x: no {@code tdf_spec_version}; the MACs are Base64 of their lower-case hex text; {@code
   * method.IsStreamable}; RSA-OAEP with SHA-1 (MGF1-SHA-1); scope {@code Payload}, state {@code
   * Unencrypted}, binding method {@code JWS}.
   */
  LEGACY;

  /** The spec version written into the manifest, or {@code null} for the legacy form. */
  String specVersion() {
    return this == V4_3_0 ? "4.3.0" : null;
  }
}
