package org.commonground.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromedriver) driving the real app. Besides
 * navigation it takes full-page screenshots at phone and desktop sizes into
 * {@code commonground.screenshots} and runs axe-core (vendored under test resources) on each
 * captured page, failing on serious or critical violations and on Content-Security-Policy
 * violations in the console.
 *
 * <p>Without a local Chromium the test is skipped with a printed message; under CI
 * ({@code CI=true}) it fails instead, because CI must run the browser scenarios.
 */
public final class Browser implements AutoCloseable {
    /** The two window sizes every page is checked at. */
    public enum Size {
        PHONE(390, 844, true),
        DESKTOP(1280, 900, false);

        final int width;
        final int height;
        final boolean mobile;

        Size(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Path CHROMIUM = Path.of(System.getProperty("commonground.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("commonground.chromedriver", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;
    private Size size = Size.DESKTOP;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Opens a fresh browser (its own profile: no cookies) on the given server. */
    public static Browser open(TestServer server) {
        requireChromium();
        Path profile;
        try {
            profile = Files.createTempDirectory("cg-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--lang=en-US",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Browser b = new Browser(driver, server.baseUrl(), profile);
        b.resize(Size.DESKTOP);
        return b;
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI requires the browser tests: " + why);
        }
        System.out.println("SKIPPED browser test: " + why);
        Assumptions.abort(why);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The visible text of the first element matching {@code css}, read in one step (no stale references). */
    public String text(String css) {
        Object t = script("var e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", css);
        if (t == null) {
            throw new org.openqa.selenium.NoSuchElementException(css);
        }
        return (String) t;
    }

    /** Waits until the text of {@code css} is no longer {@code before} (an htmx swap has landed). */
    public void awaitChange(String css, String before) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            Object t =
                    script("var e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;", css);
            return t != null && !t.equals(before);
        });
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    /**
     * Clicks the first element matching {@code css}. A live page (the open conversation's report
     * refreshes itself every 30 s) may swap the element out between finding and clicking it: then
     * the new one is found and clicked, once.
     */
    public Browser click(String css) {
        try {
            find(css).click();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            find(css).click();
        }
        return this;
    }

    /**
     * Clicks {@code css}, a control that loads a new page (a plain form submit or link), and waits
     * until the old document is gone, so that a following {@link #await} cannot find an element of
     * the page being left.
     */
    public Browser clickThrough(String css) {
        return through(() -> find(css).click());
    }

    /** Runs {@code action}, which loads a new page, and waits until the old document is gone. */
    public Browser through(Runnable action) {
        WebElement old = find("html");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> gone(old));
        return this;
    }

    /**
     * Whether {@code old} belongs to a document that was replaced. Chrome sometimes reports such a
     * node as "does not belong to the document" rather than as stale; both mean the page has gone.
     */
    private static boolean gone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Waits (up to 10 s) until the page shows an element matching {@code css}. An element that an
     * htmx swap or a navigation replaces while it is being checked is looked up again.
     */
    public WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    /** Waits until the element matching {@code css} contains {@code text}. */
    public void awaitText(String css, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            Object t = script("var e = document.querySelector(arguments[0]); return e ? e.innerText : null;", css);
            return t != null && ((String) t).contains(text);
        });
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Emulates a phone or a desktop window (viewport, device type) for the current tab. */
    public Browser resize(Size s) {
        this.size = s;
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", s.width, "height", s.height, "deviceScaleFactor", 1, "mobile", s.mobile));
        return this;
    }

    /**
     * The current page at both sizes: a full-page screenshot each ({@code name-phone.png},
     * {@code name-desktop.png}) and an axe-core check each, failing on serious or critical
     * violations; the findings of every check are appended to {@code axe-report.txt}.
     */
    public void capture(String name) {
        Size before = size;
        for (Size s : Size.values()) {
            resize(s);
            script("return document.body.offsetHeight");
            screenshot(name + "-" + s.label());
            assertAccessible(name + "-" + s.label());
        }
        resize(before);
        assertNoPolicyViolations(name);
    }

    /** A full-page PNG of the current page at the current size. */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = Math.max(size.width, ((Number) content.get("width")).doubleValue());
        double height = Math.min(16000, Math.max(size.height, ((Number) content.get("height")).doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = screenshotDir().resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Prints the current page as Chromium does for "Save as PDF" (A4, print stylesheet, background
     * graphics off) into {@code name.pdf} beside the screenshots, and also a full-page PNG of the
     * page under print media ({@code name.png}) to look at. Returns the PDF's bytes.
     */
    @SuppressWarnings("unchecked")
    public byte[] printToPdf(String name) {
        Map<String, Object> pdf = driver.executeCdpCommand(
                "Page.printToPDF", Map.of("paperWidth", 8.27, "paperHeight", 11.69, "printBackground", false));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        try {
            Files.write(screenshotDir().resolve(name + ".pdf"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            screenshot(name);
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        return bytes;
    }

    /** True when the first element matching {@code css} is rendered under print media. */
    public boolean shownInPrint(String css) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            return Boolean.TRUE.equals(script("""
                    var e = document.querySelector(arguments[0]);
                    return !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;""", css));
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** One axe-core finding. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        boolean serious() {
            return "serious".equals(impact) || "critical".equals(impact);
        }
    }

    /** Runs axe-core on the current page and returns every violation. */
    public List<Violation> axe() {
        if (Boolean.FALSE.equals(script("return typeof axe !== 'undefined'"))) {
            script(axeSource());
        }
        Object raw = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(JSON.stringify(r.violations.map(function (v) {
                    return {id: v.id, impact: v.impact, help: v.help,
                            targets: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })};
                  })));
                }).catch(function (e) { done('ERROR ' + e); });""");
        String json = String.valueOf(raw);
        if (json.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed: " + json);
        }
        try {
            List<Violation> out = new ArrayList<>();
            for (JsonNode v : JSON.readTree(json)) {
                List<String> targets = new ArrayList<>();
                v.get("targets").forEach(t -> targets.add(t.asText()));
                out.add(new Violation(
                        v.get("id").asText(),
                        v.path("impact").asText("minor"),
                        v.get("help").asText(),
                        targets));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void assertAccessible(String pageName) {
        List<Violation> violations = axe();
        StringBuilder line = new StringBuilder(pageName).append(": ");
        if (violations.isEmpty()) {
            line.append("no violations");
        }
        for (Violation v : violations) {
            line.append(v.impact())
                    .append(' ')
                    .append(v.id())
                    .append(" ")
                    .append(v.targets())
                    .append("; ");
        }
        appendReport(line.toString());
        assertThat(violations.stream().filter(Violation::serious).toList())
                .as("serious or critical axe-core violations on " + pageName)
                .isEmpty();
    }

    /** Fails when the console reports a blocked inline script/style or any other CSP violation. */
    public void assertNoPolicyViolations(String pageName) {
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
        assertThat(problems).as("CSP violations on " + pageName).isEmpty();
    }

    public static Path screenshotDir() {
        Path dir = Path.of(System.getProperty("commonground.screenshots", "target/screenshots"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void appendReport(String line) {
        try {
            Files.writeString(
                    screenshotDir().resolve("axe-report.txt"),
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
