/**
 * Where a request enters: {@code RequestReader} turns a release request into core types from the
 * {@code check} options, a decision body or a marking, with one validation and one error
 * ({@code RequestException}); {@code Bodies} reads JSON bodies strictly (unknown fields, duplicate
 * keys and trailing content are errors); the what-if file ({@code WhatIfBody}) reads its requests
 * through the same reader.
 */
package org.pactbridge.api.request;
