/**
 * The entry to the release decision: {@link org.pactbridge.core.engine.ReleaseEngine}, built once per
 * registry snapshot. It joins the front ({@code release}: requests, rules, decisions, routes) to the
 * compiled back ({@code release.compiled}) without either depending on the other's users.
 */
package org.pactbridge.core.engine;
