@Version("0.1.0")
package org.gallerist.client.core.bulk;

import org.osgi.annotation.versioning.Version;
