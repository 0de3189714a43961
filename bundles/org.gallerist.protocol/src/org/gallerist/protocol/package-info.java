/**
 * The SSH command protocol's replies and errors as Java records, and {@link org.gallerist.protocol.WireJson}, the one
 * place that turns them into JSON lines and back. Server, desktop client and tests all use it; plain OpenSSH sees the
 * same lines. The commands themselves are in {@link org.gallerist.protocol.command}.
 */
@Version("0.4.0")
package org.gallerist.protocol;

import org.osgi.annotation.versioning.Version;
