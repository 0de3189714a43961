/**
 * The product's own installation: its launch script, run for updates and plugins through p2.
 */
@Version("0.2.0")
package org.gallerist.api.installation;

import org.osgi.annotation.versioning.Version;
