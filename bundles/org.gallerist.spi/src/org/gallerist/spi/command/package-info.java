/**
 * Commands a plugin adds to the SSH server: register a {@link org.gallerist.spi.command.CommandHandler} with
 * the property {@code gallerist.command=NAME}; the highest {@code service.ranking} wins a name.
 */
@Version("0.4.0")
package org.gallerist.spi.command;

import org.osgi.annotation.versioning.Version;
