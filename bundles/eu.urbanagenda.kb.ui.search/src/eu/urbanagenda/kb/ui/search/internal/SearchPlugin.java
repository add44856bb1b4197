package eu.urbanagenda.kb.ui.search.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** This bundle, for its dialog settings. */
public final class SearchPlugin {

    public static final String ID = "eu.urbanagenda.kb.ui.search";

    private SearchPlugin() {
    }

    public static Bundle bundle() {
        return FrameworkUtil.getBundle(SearchPlugin.class);
    }
}
