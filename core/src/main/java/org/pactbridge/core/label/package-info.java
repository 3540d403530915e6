/** Security labels: classification, releasability, caveats, and the markings that write them. */
package org.pactbridge.core.label;
