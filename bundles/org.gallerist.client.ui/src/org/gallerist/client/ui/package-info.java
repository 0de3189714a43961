@Version("0.1.0")
package org.gallerist.client.ui;

import org.osgi.annotation.versioning.Version;
