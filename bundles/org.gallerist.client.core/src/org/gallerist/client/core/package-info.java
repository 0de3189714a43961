@Version("0.2.0")
package org.gallerist.client.core;

import org.osgi.annotation.versioning.Version;
