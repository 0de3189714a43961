/** The Orders part (what the user bought) and the Sales part (what others bought of the user's images). */
@Version("0.1.0")
package org.gallerist.client.ui.shop;

import org.osgi.annotation.versioning.Version;
