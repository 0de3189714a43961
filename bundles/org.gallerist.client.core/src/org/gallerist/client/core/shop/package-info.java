/** The shop's history as the client shows it: a buyer's orders and a seller's sales, page by page. */
@Version("0.1.0")
package org.gallerist.client.core.shop;

import org.osgi.annotation.versioning.Version;
