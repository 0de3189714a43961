/**
 * Where metadata and bytes live: the stores a storage backend implements (every write in a transaction, the
 * constraints the Derby store enforces).
 */
@Version("0.9.0")
package org.gallerist.spi.storage;

import org.osgi.annotation.versioning.Version;
