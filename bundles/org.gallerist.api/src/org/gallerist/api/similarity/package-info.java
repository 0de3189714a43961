/**
 * Similar-image search as clients and server services see it: results and status.
 */
@Version("0.3.0")
package org.gallerist.api.similarity;

import org.osgi.annotation.versioning.Version;
