package org.pactbridge.core.registry;

/** A cited source: the id facts carry ({@code S30}), where it is, who published it, its kind and language. */
public record Source(String id, String url, String publisher, String type, String lang) {}
