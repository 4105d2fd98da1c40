/**
 * What every capability of the control plane shares and nothing of HTTP: validated input ({@link
 * dev.locus.server.common.FieldReader}, {@link dev.locus.server.common.FieldProblem}, {@link
 * dev.locus.server.common.InvalidInputException}) and keyset pages ({@link
 * dev.locus.server.common.Page}).
 */
package dev.locus.server.common;
