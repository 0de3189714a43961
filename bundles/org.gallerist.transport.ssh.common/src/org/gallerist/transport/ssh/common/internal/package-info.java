@Version("0.1.0")
package org.gallerist.transport.ssh.common.internal;

import org.osgi.annotation.versioning.Version;
