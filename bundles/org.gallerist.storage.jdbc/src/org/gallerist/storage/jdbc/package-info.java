/**
 * What a SQL engine bundle provides to the JDBC stores: connections, and which of its errors mean "try the
 * transaction again" or "the disk is full". The stores, their SQL and the schema's migrations live in this bundle,
 * once for every engine.
 */
@Version("0.2.0")
package org.gallerist.storage.jdbc;

import org.osgi.annotation.versioning.Version;
