/**
 * Accounts and their SSH keys, as the server's services offer them.
 */
@Version("0.4.0")
package org.gallerist.api.account;

import org.osgi.annotation.versioning.Version;
