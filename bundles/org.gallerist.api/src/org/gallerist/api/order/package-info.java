/**
 * Orders, their lines and shortfalls, and the order service.
 */
@Version("0.2.0")
package org.gallerist.api.order;

import org.osgi.annotation.versioning.Version;
