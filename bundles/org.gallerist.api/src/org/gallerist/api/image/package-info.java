/**
 * Images, their queries and changes, and the image service.
 */
@Version("0.6.0")
package org.gallerist.api.image;

import org.osgi.annotation.versioning.Version;
