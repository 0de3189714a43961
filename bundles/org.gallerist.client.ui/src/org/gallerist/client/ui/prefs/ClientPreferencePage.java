package org.gallerist.client.ui.prefs;

import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.gallerist.client.core.ConnectionSettings;
import org.gallerist.client.core.ConnectionSettingsStore;
import org.gallerist.client.core.FormValidation;
import org.gallerist.client.core.prefs.ViewPreferences;
import org.gallerist.client.core.prefs.ViewPreferencesStore;

/** Server host and port (used at the next login), batch size and thumbnail size (used at once). */
public class ClientPreferencePage extends PreferencePage {
    private final ConnectionSettingsStore connection;
    private final ViewPreferencesStore view;
    private Text hostText;
    private Text portText;
    private Text batchText;
    private Text thumbnailText;

    public ClientPreferencePage(ConnectionSettingsStore connection, ViewPreferencesStore view) {
        super("Gallerist");
        this.connection = connection;
        this.view = view;
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(page);
        ConnectionSettings settings = connection.load();
        ViewPreferences preferences = view.get();

        Group server = group(page, "Server (used at the next login)");
        hostText = field(server, "&Host:", settings.host());
        portText = field(server, "&Port:", Integer.toString(settings.port()));
        Group images = group(page, "Images");
        batchText = field(images, "&Batch size:", Integer.toString(preferences.batchSize()));
        thumbnailText = field(images, "&Thumbnail size (px):", Integer.toString(preferences.thumbnailSize()));
        for (Text text : new Text[] { hostText, portText, batchText, thumbnailText }) {
            text.addListener(SWT.Modify, event -> check());
        }
        return page;
    }

    private static Group group(Composite parent, String title) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        return group;
    }

    private static Text field(Composite parent, String label, String value) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(text);
        text.setText(value);
        return text;
    }

    private Optional<String> problem() {
        return FormValidation.checkHost(hostText.getText())
                .or(() -> FormValidation.checkPort(portText.getText()))
                .or(() -> number(batchText).isEmpty() ? ViewPreferences.checkBatchSize(0)
                        : ViewPreferences.checkBatchSize(number(batchText).getAsInt()))
                .or(() -> number(thumbnailText).isEmpty() ? ViewPreferences.checkThumbnailSize(0)
                        : ViewPreferences.checkThumbnailSize(number(thumbnailText).getAsInt()));
    }

    private static OptionalInt number(Text text) {
        return ViewPreferences.parse(text.getText());
    }

    private void check() {
        Optional<String> problem = problem();
        setErrorMessage(problem.orElse(null));
        setValid(problem.isEmpty());
    }

    @Override
    public boolean performOk() {
        if (problem().isPresent()) {
            return false;
        }
        ConnectionSettings settings = connection.load();
        connection.save(new ConnectionSettings(hostText.getText().strip(),
                FormValidation.parsePort(portText.getText()).getAsInt(), settings.user()));
        view.save(new ViewPreferences(number(batchText).getAsInt(), number(thumbnailText).getAsInt()));
        return true;
    }
}
