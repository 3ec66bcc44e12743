package dev.aft.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the browser test needs, installed when missing: Chromium (Debian's {@code chromium}, with apt-get) and
 * {@code playwright-core} (npm, into the module's git-ignored {@code .playwright/}). When either cannot be
 * installed the test fails saying so; it never passes without a browser.
 */
final class BrowserTools {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AFT_CHROMIUM", "/usr/bin/chromium"));
    static final Path PLAYWRIGHT_DIR = Path.of(".playwright").toAbsolutePath();

    private BrowserTools() {
    }

    static void ensureInstalled() {
        if (!Files.isExecutable(CHROMIUM)) {
            run(List.of("apt-get", "install", "-y", "-q", "chromium"), 900,
                    "Chromium is missing at " + CHROMIUM + " and 'apt-get install -y chromium' failed"
                            + " (root and a reachable Debian mirror are needed; or set AFT_CHROMIUM)");
            if (!Files.isExecutable(CHROMIUM)) {
                run(List.of("bash", "-c", "apt-get update -q && apt-get install -y -q chromium"), 900,
                        "Chromium is missing at " + CHROMIUM + " and could not be installed with apt-get");
            }
        }
        if (!Files.isDirectory(PLAYWRIGHT_DIR.resolve("node_modules/playwright-core"))) {
            try {
                Files.createDirectories(PLAYWRIGHT_DIR);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create " + PLAYWRIGHT_DIR, e);
            }
            run(List.of("npm", "install", "--prefix", PLAYWRIGHT_DIR.toString(), "--no-audit", "--no-fund",
                            "--no-save", "playwright-core@1"), 600,
                    "playwright-core could not be installed with npm into " + PLAYWRIGHT_DIR
                            + " (node and npm and a reachable npm registry are needed)");
        }
    }

    private static void run(List<String> command, long timeoutSeconds, String failure) {
        try {
            Path log = Files.createTempFile("aft-browser-install-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            if (!done || process.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8);
                throw new IllegalStateException(failure + ": " + String.join(" ", command) + " -> "
                        + (done ? "exit " + process.exitValue() : "timed out") + "\n"
                        + output.substring(Math.max(0, output.length() - 3000)));
            }
        } catch (IOException e) {
            throw new IllegalStateException(failure + ": cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure + ": interrupted", e);
        }
    }
}
