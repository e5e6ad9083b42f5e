/**
 * What only generated frames call. Public because generated code lives in the user's packages;
 * not API: it may change in any release.
 */
package dev.stackless.internal;
