/** Small pieces the parts and dialogs build alike, and the data key under which they name their widgets. */
@Version("0.3.0")
package org.gallerist.client.ui.widgets;

import org.osgi.annotation.versioning.Version;
