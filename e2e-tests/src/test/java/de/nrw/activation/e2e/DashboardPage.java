package de.nrw.activation.e2e;

import de.nrw.activation.testsupport.KeycloakServer;
import de.nrw.activation.testsupport.RunningSuite;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * The dashboard page (reporting-service, {@code /dashboard/}) in headless Chromium: the Debian
 * packages {@code chromium} and {@code chromium-driver}, driven through Selenium WebDriver.
 */
final class DashboardPage implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";
    /** Every user's password in the DEV ONLY realm (deploy/keycloak). */
    static final String DEV_PASSWORD = "dev-only-password";

    final ChromeDriver browser;
    final Path downloads;
    private final String url;
    private final WebDriverWait wait;

    private static DashboardPage shared;

    /**
     * The browser that every dashboard test class of this JVM shares: the suite, its data set and
     * Keycloak are started on first use, and Keycloak and the browser stop when the JVM exits (one start
     * of each instead of one per class). Every test begins with {@link #open()}, signed out.
     */
    static synchronized DashboardPage shared() {
        if (shared == null) {
            requireChromium();
            RunningSuite suite = RunningSuite.get();
            KeycloakServer.start(suite.root(), suite.root().resolve("target/e2e-logs"));
            DashboardDataset.ensure(suite);
            shared = new DashboardPage(suite.url("reporting-service"));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Fails (never skips) when the browser is not installed, saying how to install it. */
    static void requireChromium() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError("The dashboard's browser test needs headless Chromium, but " + binary
                        + " is missing. Install the Debian packages: " + INSTALL);
            }
        }
    }

    DashboardPage(String reportingServiceUrl) {
        requireChromium();
        try {
            downloads = Files.createTempDirectory("dashboard-downloads");
            Path profile = Files.createTempDirectory("dashboard-chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1500,1200", "--lang=de-DE",
                    "--disable-features=DownloadBubble,DownloadBubbleV2", "--force-prefers-reduced-motion");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "de-DE"));
            // the console, for the Content-Security-Policy check (consoleMessages())
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            browser = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        // every document records the Content-Security-Policy violations it reports (cspViolations());
        // injected by the browser itself, so the page's own policy does not block it
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                    e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
                """));
        url = reportingServiceUrl + "/dashboard/";
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // the page re-renders its tables on every selection: a cell read during that is simply read again
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens the page afresh, signed out: no session in the tab, none at the identity provider. */
    DashboardPage open() {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get(url);
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-button")));
        return this;
    }

    /**
     * Signs in through the identity provider's own login page (Keycloak): "Anmelden" leads there,
     * the user name and password go into its form, and the provider sends the browser back.
     */
    DashboardPage signIn(String username) {
        atTheLoginPage().enterCredentials(username, DEV_PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        return this;
    }

    /** Clicks "Anmelden" and waits for the provider's login form. */
    DashboardPage atTheLoginPage() {
        clickInView(browser.findElement(By.id("sign-in-button")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        return this;
    }

    DashboardPage enterCredentials(String username, String password) {
        WebElement user = browser.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        return this;
    }

    /** After refused credentials: waits until the provider's login page is back with its error message. */
    DashboardPage awaitLoginRefused() {
        wait.until(d -> d.getPageSource().contains("Invalid username or password"));
        return this;
    }

    boolean onTheLoginPage() {
        return !browser.findElements(By.id("kc-login")).isEmpty() && browser.getCurrentUrl().contains("/realms/activation/");
    }

    String currentUrl() {
        return browser.getCurrentUrl();
    }

    /** "Abmelden": ends the session at the provider too and comes back to the signed-out page. */
    DashboardPage signOut() {
        clickInView(browser.findElement(By.id("sign-out")));
        wait.until(d -> d.getCurrentUrl().startsWith(url));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-button")));
        return this;
    }

    /** The access token the page calls the API with (oidc-client-ts keeps the user in sessionStorage). */
    String accessToken() {
        return (String) browser.executeScript("""
                for (let i = 0; i < sessionStorage.length; i++) {
                  const key = sessionStorage.key(i);
                  if (key.startsWith('oidc.user:')) { return JSON.parse(sessionStorage.getItem(key)).access_token; }
                }
                return null;""");
    }

    /** The browser console's messages since the last call ("LEVEL message"), and empties it. */
    List<String> consoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** The Content-Security-Policy violations the current document has reported (securitypolicyviolation events). */
    List<String> cspViolations() {
        Object violations = browser.executeScript("return window.__cspViolations || null;");
        if (violations == null) {
            throw new AssertionError("the violation recorder did not run in " + browser.getCurrentUrl());
        }
        return ((List<?>) violations).stream().map(String::valueOf).toList();
    }

    /** The paths under /api/v1 the current document has fetched (the resource timing entries). */
    List<String> apiRequests() {
        List<?> names = (List<?>) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".map(e => new URL(e.name).pathname).filter(p => p.startsWith('/api/'));");
        return names.stream().map(String::valueOf).toList();
    }

    /** Whether the page has shown any report: a table row, a chart or a figure. */
    boolean showsAnyFigure() {
        return !browser.findElements(By.cssSelector("#reports tr[data-key], #reports tr[data-indicator], #reports img"))
                .stream().filter(WebElement::isDisplayed).toList().isEmpty();
    }

    String signedInAs() {
        return browser.findElement(By.id("who")).getText();
    }

    /** Fills in the selection and shows it ("Anzeigen"), waiting until the tables show it. */
    DashboardPage show(String phaseId, String groupBy) {
        WebElement phase = browser.findElement(By.id("phase"));
        phase.clear();
        phase.sendKeys(phaseId);
        if (groupBy != null) {
            new Select(browser.findElement(By.id("groupBy"))).selectByValue(groupBy);
        }
        String before = caption("whereabouts") + caption("comparison");
        clickInView(browser.findElement(By.id("show")));
        wait.until(d -> !(caption("whereabouts") + caption("comparison")).equals(before) || notBusy());
        wait.until(d -> notBusy() && !(caption("whereabouts") + caption("comparison")).isEmpty());
        return this;
    }

    /**
     * Clicks an element after scrolling it to the middle of the viewport: Chromium's download
     * bubble (after a first download) can cover an element at the bottom edge.
     */
    void clickInView(WebElement element) {
        // 'instant': the page scrolls smoothly for people, which would move the target under the click
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});",
                        element);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(d -> {
                    element.click();
                    return true;
                });
    }

    DashboardPage view(String linkId) {
        clickInView(browser.findElement(By.id(linkId)));
        wait.until(d -> "page".equals(browser.findElement(By.id(linkId)).getDomAttribute("aria-current")));
        wait.until(d -> notBusy());
        return this;
    }

    private boolean notBusy() {
        return browser.findElements(By.cssSelector("[aria-busy='true']")).isEmpty();
    }

    String caption(String tableId) {
        Object text = browser.executeScript(
                "const c = document.querySelector('#' + arguments[0] + ' caption'); return c ? c.textContent : '';", tableId);
        return String.valueOf(text);
    }

    /** The cells of a report table by row key ("total" for the total row) and API field, as shown. */
    Map<String, Map<String, String>> table(String tableId) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#" + tableId + " tr[data-key]"))) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("label", row.findElement(By.cssSelector("th[scope='row']")).getText());
            for (WebElement cell : row.findElements(By.cssSelector("td[data-field]"))) {
                cells.put(cell.getDomAttribute("data-field"), normalise(cell.getText()));
            }
            rows.put(row.getDomAttribute("data-key"), cells);
        }
        return rows;
    }

    /** The comparison view's cells by indicator (API field) and provider type column. */
    Map<String, Map<String, String>> comparison() {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#comparison tr[data-indicator]"))) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (WebElement cell : row.findElements(By.cssSelector("td[data-key]"))) {
                cells.put(cell.getDomAttribute("data-key"), normalise(cell.getText()));
            }
            rows.put(row.getDomAttribute("data-indicator"), cells);
        }
        return rows;
    }

    List<String> columnHeaders(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " thead th")).stream().map(WebElement::getText).toList();
    }

    String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    boolean displayed(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    /** Whether the chart image has loaded (an SVG with a size). */
    boolean chartLoaded() {
        return wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                "const i = document.getElementById('chart-image'); return !!i && i.complete && i.naturalWidth > 0;")));
    }

    /** Clicks a download button and returns the downloaded file's content. */
    String download(String buttonId) {
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clickInView(browser.findElement(By.id(buttonId)));
        Path file = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> downloadedFileNames() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page (the window is made as tall as the page first). */
    void screenshot(Path target) {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1900, Math.min(4000, height.intValue() + 40)));
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.manage().window().setSize(new Dimension(1500, 1200));
    }

    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    @Override
    public void close() {
        browser.quit();
    }
}
