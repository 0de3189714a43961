/**
 * A PostgreSQL database as the stores' engine, for whoever needs one outside the running server: the migration of an
 * embedded installation writes into one, and the stores' tests run on it.
 */
@Version("0.1.0")
package org.gallerist.storage.postgres;

import org.osgi.annotation.versioning.Version;
