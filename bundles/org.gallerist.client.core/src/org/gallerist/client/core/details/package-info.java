@Version("0.1.0")
package org.gallerist.client.core.details;

import org.osgi.annotation.versioning.Version;
