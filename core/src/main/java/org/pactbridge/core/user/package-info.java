/**
 * Users of a node and their API tokens: nationality, clearance in their nation's scheme, need-to-know
 * topics, compartments and roles. The repositories are interfaces; a token is kept only as a hash, and
 * hashing is the caller's business (this package does no I/O and no cryptography).
 */
package org.pactbridge.core.user;
