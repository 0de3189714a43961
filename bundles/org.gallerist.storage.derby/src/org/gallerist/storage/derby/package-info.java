/**
 * The embedded Derby engine on a data folder, for whoever needs one outside the running server: the migration of an
 * embedded installation to PostgreSQL reads one, and the stores' tests run on it.
 */
@Version("0.1.0")
package org.gallerist.storage.derby;

import org.osgi.annotation.versioning.Version;
