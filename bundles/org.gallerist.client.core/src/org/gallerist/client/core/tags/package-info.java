@Version("0.1.0")
package org.gallerist.client.core.tags;

import org.osgi.annotation.versioning.Version;
