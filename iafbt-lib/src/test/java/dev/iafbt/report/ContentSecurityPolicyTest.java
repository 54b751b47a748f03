package dev.iafbt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page runs its own script and nothing else: the policy names the script by its SHA-256
 * (so an escaping slip in an id or parameter could not run), never {@code 'unsafe-inline'}.
 * {@link ReportBrowserTest} shows Chromium runs the page under it without a console error.
 */
class ContentSecurityPolicyTest {
    @Test
    void scriptsAreAllowedByTheHashOfThePagesOwnScriptOnly() throws Exception {
        String html = HtmlReportTest.html(HtmlReportTest.SWEEP, ReportOptions.defaults().withTopK(1));
        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        assertThat(csp.find()).isTrue();
        Matcher scriptSrc = Pattern.compile("script-src ([^;]*);").matcher(csp.group(1));
        assertThat(scriptSrc.find()).isTrue();

        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(scriptSrc.group(1)).isEqualTo("'sha256-" + hash + "'");
        assertThat(csp.group(1)).doesNotContain("unsafe-eval").startsWith("default-src 'none';");
        assertThat(script.find()).as("one script element").isFalse();
    }
}
