@Version("0.1.0")
package org.gallerist.core.account;

import org.osgi.annotation.versioning.Version;
