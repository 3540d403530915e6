/**
 * The JSON forms of decisions, agreements and coverage: one place per message type, shared by the
 * CLI's {@code --json} output and the HTTP API, so both always agree. Field names are a contract
 * (docs/decision-json.md, docs/identifiers.md).
 */
package org.pactbridge.api.json;
