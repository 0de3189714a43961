@Version("0.1.0")
package org.gallerist.client.ui.bulk;

import org.osgi.annotation.versioning.Version;
