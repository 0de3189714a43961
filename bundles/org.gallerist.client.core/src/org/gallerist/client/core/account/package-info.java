/**
 * The account's own settings, as forms check them before they reach the server.
 */
@Version("0.1.0")
package org.gallerist.client.core.account;

import org.osgi.annotation.versioning.Version;
