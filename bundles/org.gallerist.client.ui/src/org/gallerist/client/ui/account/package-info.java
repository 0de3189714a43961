/** The account's own password: changed from the File menu, or chosen anew after an admin's reset. */
@Version("0.1.0")
package org.gallerist.client.ui.account;

import org.osgi.annotation.versioning.Version;
