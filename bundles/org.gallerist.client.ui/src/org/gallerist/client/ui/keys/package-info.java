/** The Keys dialog: the SSH keys the account logs in with, added from files, made new, or removed. */
@Version("0.1.0")
package org.gallerist.client.ui.keys;

import org.osgi.annotation.versioning.Version;
