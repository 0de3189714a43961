@Version("0.1.0")
package org.gallerist.client.ui.prefs;

import org.osgi.annotation.versioning.Version;
