package io.venuekit.assets.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * How hard the detectors look, as data ({@code analysis.properties} beside this class; a system
 * property {@code venuekit.analysis.<key>} overrides a key): more tiles and a larger text input
 * find smaller faces and words and cost time in proportion. {@code asset-pipeline/eval-crops.sh}
 * measures both sides of that trade.
 *
 * @param faceTiling   which tiles the full-range face model runs on besides the whole image
 * @param textMinSide  the text model's input short side (words of about 2% of the short side stay
 *                     readable to it), unless that exceeds...
 * @param textMaxSide  ...this long side, or the image's own size
 */
public record AnalysisSettings(Tiling faceTiling, int textMinSide, int textMaxSide) {

    private static final String RESOURCE = "analysis.properties";

    public static final AnalysisSettings DEFAULT = fromResource();

    static AnalysisSettings fromResource() {
        Properties p = new Properties();
        try (InputStream in = AnalysisSettings.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException(RESOURCE + " missing beside " + AnalysisSettings.class.getName());
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " unreadable", e);
        }
        return new AnalysisSettings(
                new Tiling(
                        number(p, "faces.maxUpscale"),
                        number(p, "faces.tileFactor"),
                        number(p, "faces.overlap"),
                        number(p, "faces.tileGate")),
                (int) number(p, "text.minSide"),
                (int) number(p, "text.maxSide"));
    }

    private static double number(Properties p, String key) {
        String v = System.getProperty("venuekit.analysis." + key, p.getProperty(key));
        if (v == null) throw new IllegalStateException(RESOURCE + ": " + key + " missing");
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + ": " + key + " must be a number, got " + v, e);
        }
    }
}
