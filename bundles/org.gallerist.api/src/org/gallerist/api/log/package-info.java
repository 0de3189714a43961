/**
 * Helpers for log lines: {@link org.gallerist.api.log.LogText#quote(String)} makes a client-sent string safe to log.
 * Here because every server bundle (and every plugin) already imports this bundle, so none needs a new dependency.
 */
@Version("0.1.0")
package org.gallerist.api.log;

import org.osgi.annotation.versioning.Version;
