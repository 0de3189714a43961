package org.gallerist.client.app.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.gallerist.client.core.AboutText;
import org.gallerist.client.core.LibraryLicences;
import org.gallerist.client.core.SessionModel;
import org.gallerist.client.ui.AboutDialog;
import org.gallerist.client.ui.jobs.Background;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

import org.gallerist.api.BuildFacts;

import jakarta.inject.Named;

/**
 * Help › About: the client's version and build id, the server's image model with its credits (asked for in the
 * background), and the licences of the bundles the client runs.
 */
public class AboutHandler {

    @Execute
    public void about(SessionModel sessions, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        Bundle self = FrameworkUtil.getBundle(AboutHandler.class);
        BuildFacts program = ProgramBuild.of(self);
        String shown = program.version();
        String build = program.build() + ", commit " + program.commit();
        List<LibraryLicences.Library> libraries = LibraryLicences.of(facts(self), known(self));
        new Background(sessions, shell).run("Asking the server about its image model",
                session -> session.images().similarityStatus(),
                status -> new AboutDialog(shell, shown, build, AboutText.server(Optional.of(status)), libraries)
                        .open(),
                notConnected -> new AboutDialog(shell, shown, build, AboutText.server(Optional.empty()),
                        libraries).open());
    }

    private static List<LibraryLicences.BundleFacts> facts(Bundle self) {
        List<LibraryLicences.BundleFacts> facts = new ArrayList<>();
        for (Bundle bundle : self.getBundleContext().getBundles()) {
            facts.add(new LibraryLicences.BundleFacts(bundle.getSymbolicName(), bundle.getVersion().toString(),
                    bundle.getHeaders("").get(Constants.BUNDLE_LICENSE)));
        }
        return facts;
    }

    private static Map<String, String> known(Bundle self) {
        URL entry = self.getEntry("licences.properties");
        Map<String, String> known = new HashMap<>();
        if (entry == null) {
            return known;
        }
        try (InputStream in = entry.openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            properties.stringPropertyNames().forEach(name -> known.put(name, properties.getProperty(name)));
            return known;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled licences list", e);
        }
    }
}
