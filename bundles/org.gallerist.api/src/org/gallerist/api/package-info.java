/**
 * The contract every bundle shares: users, roles, error codes and {@link org.gallerist.api.GalleristException}.
 */
@Version("0.5.0")
package org.gallerist.api;

import org.osgi.annotation.versioning.Version;
