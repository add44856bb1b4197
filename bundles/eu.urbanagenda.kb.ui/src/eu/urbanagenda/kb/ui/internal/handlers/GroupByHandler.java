package eu.urbanagenda.kb.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.handlers.RadioState;

import eu.urbanagenda.kb.ui.internal.navigator.GroupBy;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;

/** Groups the navigator's partnerships by generation, status or coordinator country (a radio command). */
public class GroupByHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        String value = event.getParameter(RadioState.PARAMETER_ID);
        if (value == null) {
            return null;
        }
        HandlerUtil.updateRadioState(event.getCommand(), value);
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        IViewPart view = window.getActivePage() == null ? null : window.getActivePage().findView(NavigatorView.ID);
        if (view instanceof NavigatorView navigator) {
            navigator.setGroupBy(GroupBy.of(value));
        }
        return null;
    }
}
