/**
 * The {@code pactbridge} command line: subcommands translate flags into core requests at one place
 * each, print human-readable text or the shared JSON, and exit 0 when a decision was made, 2 on bad
 * input, 1 when a check (such as audit verify) finds a problem.
 */
package org.pactbridge.cli;
