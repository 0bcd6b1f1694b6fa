package dev.modelport.auth.users;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page admins see on their way to the console. Any failure, a wrong password
 * or a locked account alike, shows the same message.
 */
@Controller
class LoginPage {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · ModelPort</title>
              <style>
                body { margin: 0; min-height: 100vh; display: grid; place-items: center;
                       font-family: system-ui, sans-serif; background: #0f172a; color: #0f172a; }
                main { background: #fff; padding: 2.5rem; border-radius: 12px; width: 20rem;
                       box-shadow: 0 10px 30px rgba(0,0,0,.35); }
                h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
                h1 span { color: #2563eb; }
                p.tagline { margin: 0 0 1.5rem; color: #64748b; font-size: .9rem; }
                label { display: block; font-size: .85rem; margin: .75rem 0 .25rem; }
                input { width: 100%%; box-sizing: border-box; padding: .6rem; border: 1px solid #cbd5e1;
                        border-radius: 6px; font-size: 1rem; }
                button { margin-top: 1.5rem; width: 100%%; padding: .7rem; border: 0; border-radius: 6px;
                         background: #2563eb; color: #fff; font-size: 1rem; cursor: pointer; }
                .message { padding: .6rem; border-radius: 6px; font-size: .9rem; }
                .error { background: #fee2e2; color: #991b1b; }
                .info { background: #e0f2fe; color: #075985; }
              </style>
            </head>
            <body>
              <main>
                <h1>Model<span>Port</span></h1>
                <p class="tagline">Sign in to manage models and API clients</p>
                %s
                <form method="post" action="login">
                  <label for="username">Username</label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request, CsrfToken csrf) {
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"message error\">Invalid username or password.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"message info\">You have been signed out.</p>";
        }
        return PAGE.formatted(message, HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
