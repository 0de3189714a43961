package org.gallerist.storage.postgres.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The PostgreSQL engine's settings (PID {@code org.gallerist.storage.postgres}). Its configuration exists only when
 * the server is started with {@code --database}; without it the server runs on embedded Derby.
 */
@ObjectClassDefinition(id = PostgresConfig.PID, name = "Gallerist on PostgreSQL",
        description = "The stores' rows in a PostgreSQL database shared by every node of the shop")
public @interface PostgresConfig {

    String PID = "org.gallerist.storage.postgres";

    @AttributeDefinition(description = "jdbc:postgresql://HOST[:PORT]/DATABASE; user and password as its user= and"
            + " password= parameters, else from PGUSER and PGPASSWORD in the server's environment, else ~/.pgpass")
    String database();

    @AttributeDefinition(description = "The most connections this node opens to the database at once", min = "1")
    int maxConnections() default 16;

    @AttributeDefinition(description = "The password, where neither the URL nor PGPASSWORD gives one",
            type = AttributeType.PASSWORD)
    String password() default "";
}
