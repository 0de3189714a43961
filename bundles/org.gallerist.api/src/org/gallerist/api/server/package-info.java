/**
 * What a running server tells its host (address, host key).
 */
@Version("0.2.0")
package org.gallerist.api.server;

import org.osgi.annotation.versioning.Version;
