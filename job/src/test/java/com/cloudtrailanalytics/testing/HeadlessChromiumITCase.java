package com.cloudtrailanalytics.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser harness itself, on two small pages: one a script draws, one that breaks. */
class HeadlessChromiumITCase {

  private static final Path OUTPUT = Path.of("target/chromium");

  /** A page 2000 pixels tall whose script draws three red circles, the last below the fold. */
  private static final String CIRCLES =
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>circles</title></head>
      <body style="margin: 0">
      <svg id="chart" width="1400" height="2000" style="display: block"></svg>
      <script>
        const svg = document.getElementById("chart");
        for (const cy of [200, 450, 1800]) {
          const circle = document.createElementNS("http://www.w3.org/2000/svg", "circle");
          circle.setAttribute("cx", 200);
          circle.setAttribute("cy", cy);
          circle.setAttribute("r", 50);
          circle.setAttribute("fill", "#ff0000");
          svg.appendChild(circle);
        }
        window.drawn = true;
      </script>
      </body></html>
      """;

  /** A page that complains on the console, loses an image and throws (lines as numbered). */
  private static final String BROKEN =
      """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>broken</title></head>
      <body>
      <img src="missing.png">
      <script>
        console.warn("falling back to an empty chart");
        console.error("report data missing:", 0, "rows");
        throw new Error("chart has no rows");
      </script>
      </body></html>
      """;

  @TempDir static Path pages;

  private static HeadlessChromium chromium;

  @BeforeAll
  static void startChromium() throws Exception {
    Optional<Path> executable = HeadlessChromium.executable();
    if (executable.isPresent()) {
      chromium = HeadlessChromium.start(executable.get(), OUTPUT.resolve("chromium.log"));
    }
  }

  /** Here rather than before all, so that the report counts each test as skipped, with why. */
  @BeforeEach
  void needsChromium() {
    Assumptions.assumeTrue(
        chromium != null,
        "Chromium is not at /usr/bin/chromium (install Debian's chromium, as .ci/run does, or set"
            + " CHROMIUM to a browser); the browser tests are skipped");
  }

  @AfterAll
  static void stopChromium() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aScriptDrawnPageIsReadBackWithNoProblems() throws Exception {
    Path html = Files.writeString(pages.resolve("circles.html"), CIRCLES);
    try (ChromiumPage page = chromium.open(html, "window.drawn === true")) {
      assertThat(page.evaluate("document.querySelectorAll('#chart circle').length").asInt())
          .isEqualTo(3);
      JsonNode centres =
          page.evaluate("[...document.querySelectorAll('circle')].map(c => c.cy.baseVal.value)");
      assertThat(centres).extracting(JsonNode::asInt).containsExactly(200, 450, 1800);
      assertThat(page.evaluate("new Promise(done => setTimeout(() => done(42), 50))").asInt())
          .isEqualTo(42);
      assertThat(page.problems()).isEmpty();
    }
  }

  @Test
  void screenshotsShowTheViewportOrTheWholePage() throws Exception {
    Path html = Files.writeString(pages.resolve("circles.html"), CIRCLES);
    Path viewport = OUTPUT.resolve("circles-viewport.png");
    Path fullPage = OUTPUT.resolve("circles-full-page.png");
    Files.deleteIfExists(viewport);
    Files.deleteIfExists(fullPage);
    try (ChromiumPage page = chromium.open(html, "window.drawn === true")) {
      page.screenshot(viewport, false);
      page.screenshot(fullPage, true);
    }

    for (Path png : new Path[] {viewport, fullPage}) {
      byte[] bytes = Files.readAllBytes(png);
      assertThat(Arrays.copyOf(bytes, 8))
          .as("the PNG signature of %s", png)
          .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
      assertThat(bytes.length).as("size of %s", png).isGreaterThan(2_000);
    }
    BufferedImage shown = ImageIO.read(viewport.toFile());
    assertThat(shown.getWidth()).isEqualTo(ChromiumPage.VIEWPORT_WIDTH);
    assertThat(shown.getHeight()).isEqualTo(ChromiumPage.VIEWPORT_HEIGHT);
    assertThat(rgb(shown, 200, 450)).as("the second circle's centre").isEqualTo(0xff0000);
    assertThat(rgb(shown, 600, 450)).as("beside it").isEqualTo(0xffffff);

    BufferedImage whole = ImageIO.read(fullPage.toFile());
    assertThat(whole.getWidth()).isEqualTo(ChromiumPage.VIEWPORT_WIDTH);
    assertThat(whole.getHeight()).isEqualTo(2000);
    assertThat(rgb(whole, 200, 1800)).as("the circle below the fold").isEqualTo(0xff0000);
  }

  @Test
  void aBrokenPagesErrorsAreCollectedWithTheirMessagesAndLines() throws Exception {
    Path html = Files.writeString(pages.resolve("broken.html"), BROKEN);
    try (ChromiumPage page = chromium.open(html, "document.readyState === 'complete'")) {
      assertThat(page.problems())
          .extracting(PageProblem::kind, PageProblem::text, PageProblem::url, PageProblem::line)
          .containsExactlyInAnyOrder(
              tuple("console.warning", "falling back to an empty chart", url(html), 6),
              tuple("console.error", "report data missing: 0 rows", url(html), 7),
              tuple("exception", "Uncaught Error: chart has no rows", url(html), 8),
              tuple(
                  "log.error",
                  "Failed to load resource: net::ERR_FILE_NOT_FOUND",
                  url(pages.resolve("missing.png")),
                  0));
    }
  }

  private static String url(Path file) {
    return file.toUri().toString();
  }

  private static int rgb(BufferedImage image, int x, int y) {
    return image.getRGB(x, y) & 0xffffff;
  }
}
