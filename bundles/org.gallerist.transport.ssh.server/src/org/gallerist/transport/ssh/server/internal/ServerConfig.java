package org.gallerist.transport.ssh.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The SSH server's settings (PID {@code org.gallerist.ssh}); its host key lives in the data folder. */
@ObjectClassDefinition(id = ServerConfig.PID, name = "Gallerist SSH server",
        description = "SSH listen address and sign-up policy of the Gallerist server")
public @interface ServerConfig {

    String PID = "org.gallerist.ssh";

    @AttributeDefinition(description = "Address the SSH server listens on")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Port the SSH server listens on; 0 picks a free one", min = "0", max = "65535")
    int port() default 2222;

    @AttributeDefinition(description = "Whether new accounts may be created through the 'signup' login")
    boolean signupEnabled() default true;

    @AttributeDefinition(description = "Sign-up attempts allowed per source address and hour", min = "1")
    int signupPerHour() default 20;
}
