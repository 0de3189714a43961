/**
 * The SSH commands: each is a picocli-annotated class whose fields are the request (options and arguments), with its
 * {@link org.gallerist.protocol.command.Replay} safety. The server parses a command line into one of these; the
 * client fills one in and turns it into the command line ({@link org.gallerist.protocol.command.CommandCatalogue}).
 */
@Version("0.5.0")
package org.gallerist.protocol.command;

import org.osgi.annotation.versioning.Version;
