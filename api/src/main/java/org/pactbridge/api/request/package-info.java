/**
 * Request bodies shared by the HTTP API and the CLI: the decision request (the {@code check} flags in
 * camelCase), the what-if file, and the one place each is translated into core types. Reading is
 * strict: unknown fields, duplicate keys and trailing content are errors.
 */
package org.pactbridge.api.request;
