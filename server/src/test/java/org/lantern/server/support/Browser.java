package org.lantern.server.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class, a fresh browser context (cookies, storage) per test.
 * {@link #open(String)} loads a path of the server under test; {@link #page()} is the page. A test
 * whose pages broke the Content-Security-Policy (Chromium says so on the console) fails.
 */
public final class Browser implements ParameterResolver, AfterEachCallback {

    private static final String EXECUTABLE = System.getenv().getOrDefault("LANTERN_CHROMIUM", "/usr/bin/chromium");

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser chromium;

    private final List<String> policyViolations = new CopyOnWriteArrayList<>();
    private BrowserContext context;
    private Page page;
    private String baseUrl;

    public Page page() {
        return page;
    }

    /** Loads {@code path} (e.g. "/login") from the server under test and returns the page. */
    public Page open(String path) {
        page.navigate(baseUrl + path);
        return page;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /**
     * Asserts the page fits its window's width: a phone user never scrolls sideways to read it.
     *
     * @param page the page as it is now
     * @param what the page or state checked, for the failure's message
     */
    public static void fitsTheScreen(Page page, String what) {
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).as(what + " scrolls sideways").isTrue();
    }

    /** Signs in through the real login form. */
    public Page signIn(String username, String password) {
        open("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        return page;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        synchronized (Browser.class) {
            if (chromium == null) {
                playwright = Playwright.create();
                chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(EXECUTABLE))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> playwright.close()));
            }
        }
        Environment env = SpringExtension.getApplicationContext(extension).getEnvironment();
        baseUrl = "http://localhost:" + env.getProperty("local.server.port");
        context = chromium.newContext();
        page = context.newPage();
        page.setDefaultTimeout(15_000);
        // Chromium reports what the Content-Security-Policy refused on the console: every browser test checks it.
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        return this;
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        if (context != null) {
            context.close();
            context = null;
        }
        if (!policyViolations.isEmpty()) {
            List<String> seen = List.copyOf(policyViolations);
            policyViolations.clear();
            throw new AssertionError("A page broke the Content-Security-Policy: " + seen);
        }
    }

    /** Skips (or, in CI, fails) browser tests when Chromium is not installed. */
    public static final class AvailableCondition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(Path.of(EXECUTABLE))) {
                return ConditionEvaluationResult.enabled("Chromium at " + EXECUTABLE);
            }
            String message = "*** SKIPPING browser tests: no Chromium at " + EXECUTABLE
                    + ". Run .ci/run, or apt-get install chromium (or set LANTERN_CHROMIUM). ***";
            if ("1".equals(System.getenv("LANTERN_TEST_BROWSER_REQUIRED"))) {
                throw new IllegalStateException(message.replace("SKIPPING", "CANNOT RUN"));
            }
            System.err.println(message);
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
