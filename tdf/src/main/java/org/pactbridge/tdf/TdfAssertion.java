package org.pactbridge.tdf;

/**
 * One assertion as read: its id, type, scope and state as spelled in the manifest, and its statement's
 * format, schema and value (an object value as its JSON text). Unverified until {@link
 * TdfArchive#verifyAssertions} says otherwise.
 */
public record TdfAssertion(String id, String type, String scope, String appliesToState, String format, String schema, String value) {
}
