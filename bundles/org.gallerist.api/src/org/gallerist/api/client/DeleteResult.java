package org.gallerist.api.client;

import org.gallerist.api.ErrorCode;

/** What happened to one id of a bulk delete: deleted, or the error that kept it. */
public record DeleteResult(long id, boolean deleted, ErrorCode error, String message) {
}
