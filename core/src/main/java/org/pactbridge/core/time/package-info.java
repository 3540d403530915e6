/** Reading dates and instants as the design's Time rules say: a date alone is 00:00 UTC that day. */
package org.pactbridge.core.time;
