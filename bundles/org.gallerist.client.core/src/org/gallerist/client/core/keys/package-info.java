/** The SSH keys an account logs in with, as the Keys dialog shows and makes them. */
@Version("0.1.0")
package org.gallerist.client.core.keys;

import org.osgi.annotation.versioning.Version;
