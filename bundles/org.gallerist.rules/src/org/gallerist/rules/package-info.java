/**
 * Rules the desktop client and the server both apply, so that a form can say what the server would refuse before
 * anything is sent: names, descriptions, tags, prices, quantities, page sizes and paging cursors. Depends on the api
 * only, never on server code.
 */
@Version("0.2.0")
package org.gallerist.rules;

import org.osgi.annotation.versioning.Version;
