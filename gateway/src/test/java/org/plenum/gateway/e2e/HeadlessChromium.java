package org.plenum.gateway.e2e;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium and its chromedriver, headless. Both are given by path so that Selenium never looks for,
 * or downloads, a browser or driver of its own.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {
    }

    /** Fails in CI, where the browser must be installed, and skips elsewhere when it is missing. */
    static void requireInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "The real-browser test needs " + BROWSER + " and " + DRIVER + ": " + INSTALL;
        if (System.getenv("CI") != null) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    static ChromeDriver start() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                // as root and in containers: no sandbox, no GPU; the background-networking flags keep it off the
                // closed network, where it would otherwise keep trying Google hosts
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + freshProfile(), "--window-size=1400,1000");
        return new ChromeDriver(service, options);
    }

    private static Path freshProfile() {
        try {
            Path profiles = Files.createDirectories(Path.of("target", "chromium-profiles"));
            return Files.createTempDirectory(profiles, "profile-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
