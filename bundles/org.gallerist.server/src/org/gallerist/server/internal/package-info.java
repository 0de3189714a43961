@Version("0.1.0")
package org.gallerist.server.internal;

import org.osgi.annotation.versioning.Version;
