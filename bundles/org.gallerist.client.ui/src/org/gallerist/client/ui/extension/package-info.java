/**
 * The desktop client's extension contract for plugin bundles: whiteboard services the client picks up while it runs
 * ({@link org.gallerist.client.ui.extension.ImageAction} for the grids' context menu,
 * {@link org.gallerist.client.ui.extension.DetailsSection} for the Details part). Parts, menu and toolbar items and
 * handlers come as E4 model fragments (see docs/extending.md for the element ids to contribute to).
 */
@Version("0.1.0")
package org.gallerist.client.ui.extension;

import org.osgi.annotation.versioning.Version;
