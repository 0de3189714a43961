/**
 * Orders, their lines and shortfalls, and the order service.
 */
@Version("0.3.0")
package org.gallerist.api.order;

import org.osgi.annotation.versioning.Version;
