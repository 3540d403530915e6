/**
 * The web UI: static pages (network through time, coverage with what-if, items and decisions, the
 * consent inbox, the audit view, sign-in) served by the node from the classpath. No Java logic lives
 * here beyond naming where the assets are.
 */
package org.pactbridge.web;
