/**
 * The use cases of a node, between the store and its two front doors (the HTTP server and the command
 * line): register an item and see it, decide and record, request and answer consent, confirm a
 * co-origination, read and verify the audit log, keep the settlement ledger, import and export the
 * registry. Each use case combines the core's rules with the store's records; it knows users and
 * nations, never HTTP. A refusal is a {@link org.pactbridge.service.ServiceException} naming its kind and
 * reason code; the server maps the kind to a status.
 */
package org.pactbridge.service;
