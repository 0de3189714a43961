@Version("0.1.0")
package org.gallerist.client.ui.upload;

import org.osgi.annotation.versioning.Version;
