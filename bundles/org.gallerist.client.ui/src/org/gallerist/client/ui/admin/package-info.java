/** The Admin dialog, shown to admins only: accounts, tags and the server's state. */
@Version("0.1.0")
package org.gallerist.client.ui.admin;

import org.osgi.annotation.versioning.Version;
