/**
 * The client API: connect to a server and use it through a {@link org.gallerist.api.client.GalleristSession}.
 */
@Version("0.6.0")
package org.gallerist.api.client;

import org.osgi.annotation.versioning.Version;
