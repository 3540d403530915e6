/** The node service: HTTP API under /api/v1, authentication, roles, problem responses, metrics. */
package org.pactbridge.server;
