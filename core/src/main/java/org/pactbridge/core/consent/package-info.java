/**
 * Third-party consent: a holder asks an item's originator for leave to release it onward
 * ({@link org.pactbridge.core.consent.ConsentRequest}); the originator answers
 * ({@link org.pactbridge.core.consent.ConsentAnswer}) with a grant, possibly under conditions (an
 * expiry, a downgrade, an added caveat), or a refusal. A JOINT item needs an answer from every
 * originator. Requests and answers are appended, never changed.
 */
package org.pactbridge.core.consent;
