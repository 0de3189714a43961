@Version("0.1.0")
package org.gallerist.client.ui.jobs;

import org.osgi.annotation.versioning.Version;
