/**
 * Decoding, limits and renditions: the {@link org.gallerist.spi.imaging.ImageProcessor} a backend registers.
 */
@Version("0.6.0")
package org.gallerist.spi.imaging;

import org.osgi.annotation.versioning.Version;
