@Version("0.1.0")
package org.gallerist.client.ui.grid;

import org.osgi.annotation.versioning.Version;
