@Version("0.1.0")
package org.gallerist.client.core.thumbs;

import org.osgi.annotation.versioning.Version;
