package eu.urbanagenda.kb.ui.internal.preferences;

import java.util.Objects;


import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import eu.urbanagenda.kb.core.BackendSetting;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * Preferences > Urban Agenda > Search server: the OpenSearch cluster that holds the documents (URL, user name, CA
 * certificate; stored), and the password (kept by the session service while the workbench runs, never stored). A
 * change reopens the session with the other engine, after asking to save unsaved changes; connecting happens in the
 * background, and a cluster that cannot be used is reported in words while the knowledge base stays usable.
 */
public class BackendPreferencePage extends KbFieldEditorPage {

    private StringFieldEditor url;
    private StringFieldEditor user;
    private FileFieldEditor caCertificate;
    private Text password;

    public BackendPreferencePage() {
        super(Messages.Backend_description);
    }

    @Override
    protected void createFieldEditors() {
        Group group = group(Messages.Backend_group);
        url = new StringFieldEditor(KbPreferences.BACKEND_URL, Messages.Backend_url, group);
        addField(url);
        note(group, Messages.Backend_urlNote);
        user = new StringFieldEditor(KbPreferences.BACKEND_USER, Messages.Backend_user, group);
        addField(user);
        Label passwordLabel = new Label(group, SWT.NONE);
        passwordLabel.setText(Messages.Backend_password);
        password = new Text(group, SWT.BORDER | SWT.PASSWORD | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(password);
        BackendSetting inUse = sessions.backend();
        if (inUse.password() != null) {
            password.setText(inUse.password());
        }
        note(group, Messages.Backend_passwordNote);
        caCertificate = new FileFieldEditor(KbPreferences.BACKEND_CA, Messages.Backend_ca, true, group);
        caCertificate.setFileExtensions(new String[] { "*.pem;*.crt", "*" });
        caCertificate.setEmptyStringAllowed(true);
        addField(caCertificate);
        note(getFieldEditorParent(), NLS.bind(Messages.Backend_current, inUse.display()));
    }

    @Override
    public boolean performOk() {
        BackendSetting chosen = KbPreferences.backend(url.getStringValue(), user.getStringValue(),
                caCertificate.getStringValue(), password.getText(), System.getenv());
        if (!url.getStringValue().isBlank() && chosen.urlHasPassword()) {
            setErrorMessage(Messages.Backend_passwordInUrl);
            return false;
        }
        if (!Objects.equals(chosen, sessions.backend())
                && !reopenSession(Messages.Backend_saveBeforeSwitch, service -> service.setBackend(chosen))) {
            return false;
        }
        return super.performOk();
    }

    /** The password field (tests). */
    public Text getPasswordText() {
        return password;
    }
}
