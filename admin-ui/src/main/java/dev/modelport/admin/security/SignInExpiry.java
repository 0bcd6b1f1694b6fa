package dev.modelport.admin.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * When the admin's tokens can't be refreshed any more, the console session ends and the
 * browser goes back through sign-in instead of showing a stack trace.
 */
@Component
class SignInExpiry implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new DefaultErrorHandler() {
            @Override
            public void error(ErrorEvent error) {
                if (!signInExpired(error.getThrowable())) {
                    super.error(error);
                    return;
                }
                UI ui = UI.getCurrent();
                if (ui != null) {
                    ui.getPage().setLocation(SIGN_IN_REDIRECT);
                }
                VaadinSession session = VaadinSession.getCurrent();
                if (session != null) {
                    session.getSession().invalidate();
                }
            }
        }));
    }

    static final String SIGN_IN_REDIRECT = "/";

    static boolean signInExpired(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SignInExpiredException) {
                return true;
            }
        }
        return false;
    }
}
