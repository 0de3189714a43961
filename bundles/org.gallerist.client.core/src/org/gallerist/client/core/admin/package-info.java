/** What the Admin dialog shows and offers: accounts, tags and the server's state, for admins only. */
@Version("0.1.0")
package org.gallerist.client.core.admin;

import org.osgi.annotation.versioning.Version;
