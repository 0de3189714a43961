@Version("0.1.0")
package org.gallerist.client.core.browse;

import org.osgi.annotation.versioning.Version;
