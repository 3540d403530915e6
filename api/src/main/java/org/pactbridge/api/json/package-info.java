/**
 * Where a decision leaves: {@code ApiWriter} writes a decision, a reason, a route and an RFC 9457
 * problem, and the JSON forms of agreements and coverage are built in {@code Json}, one place per
 * message type, shared by the CLI's {@code --json} output and the HTTP API, so both always agree.
 * Field names are a contract (docs/decision-json.md, docs/identifiers.md).
 */
package org.pactbridge.api.json;
