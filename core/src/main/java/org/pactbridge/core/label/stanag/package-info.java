/**
 * NATO STANAG 4774 (ADatP-4774) confidentiality labels in XML, read with the JDK parser (DTDs and
 * external entities disabled) and written back: policy identifier, classification, and the categories
 * Context, Releasable To, Only and Administrative.
 */
package org.pactbridge.core.label.stanag;
