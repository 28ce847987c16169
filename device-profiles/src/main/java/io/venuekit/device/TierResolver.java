package io.venuekit.device;

import io.venuekit.device.hardware.DeviceSpec;
import io.venuekit.device.hardware.DeviceTable;
import io.venuekit.device.hardware.SocTable;
import io.venuekit.device.ua.FallbackTable;
import io.venuekit.device.ua.UaClassifier;
import io.venuekit.device.ua.UaVerdict;
import io.venuekit.device.ua.UserAgentCache;
import io.venuekit.device.ua.UserAgentFacts;
import io.venuekit.device.ua.UserAgentReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ua_parser.Parser;

/**
 * Decides a request's {@link DeviceProfile}. Precedence: explicit override > the app's
 * {@code X-Device-Report} > the H5 probe's measurements ({@value #DEVICE_PROBE}, from the
 * {@value ProbeCookie#COOKIE} cookie) > client hints ({@code Device-Memory}) > the User-Agent
 * (hardware from the device table first, then the model list and family rules, then the fitted
 * fallback per OS version) > the rules' default. Network and Save-Data lower only the media tier.
 *
 * <p>One instance is shared by the whole server: it is immutable apart from its bounded,
 * concurrent User-Agent cache. Building one loads uap-java's regexes (a few hundred ms).
 */
public final class TierResolver {

    public static final String DEVICE_REPORT = "X-Device-Report";
    /**
     * The value of the H5 probe's {@value ProbeCookie#COOKIE} cookie, which the server copies
     * into this pseudo-header of the {@link DeviceRequest} (the resolver never sees cookies).
     */
    public static final String DEVICE_PROBE = "X-Device-Probe";

    /**
     * The client hints this resolver reads, for the server's {@code Accept-CH} ({@code tier-policy.json}).
     * The response's {@code Vary} should name {@code User-Agent}, {@value #DEVICE_REPORT} and the
     * profile's {@code hintsUsed}.
     */
    public static final java.util.List<String> ACCEPT_CH = TierPolicy.DEFAULT.acceptCh();

    private final TierRules rules;
    private final UserAgentReader reader;
    private final UaClassifier classifier;
    private final UserAgentCache cache;
    private final DeviceTable devices;
    private final SocTable socs;
    private final FallbackTable fallback;

    /** The bundled rules, device and chip tables and fallback. */
    public TierResolver() {
        this(TierRules.loadDefault());
    }

    /** These rules with the bundled device and chip tables and fallback. */
    public TierResolver(TierRules rules) {
        this(rules, DeviceTable.loadDefault(), SocTable.loadDefault(), FallbackTable.loadDefault());
    }

    public TierResolver(TierRules rules, DeviceTable devices, SocTable socs, FallbackTable fallback) {
        this.rules = rules;
        this.devices = devices;
        this.socs = socs;
        this.fallback = fallback;
        this.reader = new UserAgentReader(new Parser());
        this.classifier = new UaClassifier(rules.models(), rules.uaRules());
        this.cache = new UserAgentCache(rules.uaCacheSize());
    }

    /**
     * The server's resolver from its settings: {@code TIER_RULES} (an operator's rules file, or
     * null for the bundled rules) and {@code TIER_DEVICES} (a device table file, e.g. made from
     * the Play Console catalogue by {@code device-profiles/import-catalog.sh}, whose rows are
     * added to the bundled ones and win over them; or null).
     */
    public static TierResolver fromFiles(Path tierRules, Path tierDevices) {
        TierRules rules = tierRules == null ? TierRules.loadDefault() : TierRules.load(tierRules);
        DeviceTable devices = DeviceTable.loadDefault();
        if (tierDevices != null) {
            devices = devices.with(DeviceTable.load(tierDevices));
        }
        return new TierResolver(rules, devices, SocTable.loadDefault(), FallbackTable.loadDefault());
    }

    public TierRules rules() {
        return rules;
    }

    /** The shared User-Agent cache, exposed for tests and metrics. */
    public UserAgentCache cache() {
        return cache;
    }

    public DeviceProfile resolve(DeviceRequest request) {
        List<String> reasons = new ArrayList<>();
        Set<String> hintsUsed = new LinkedHashSet<>();
        ClientHints hints = ClientHints.read(request);
        UaVerdict ua = userAgent(request.header("User-Agent"), hints, hintsUsed);

        Tier tier = null;
        if (request.tierOverride() != null) {
            tier = Tier.parse(request.tierOverride());
            reasons.add(tier != null ? "override=" + tier.id() : "override-ignored=" + shorten(request.tierOverride()));
        }
        DeviceReport report = DeviceReport.parse(request.header(DEVICE_REPORT));
        if (report != null) {
            report.problems().forEach(p -> reasons.add("report-ignored:" + p));
            if (tier == null) {
                ReportClassifier.Decision decision = ReportClassifier.decide(report, rules, socs);
                if (decision != null) {
                    tier = decision.tier();
                    reasons.add(decision.reason());
                }
            }
        }
        ProbeCookie probe = ProbeCookie.parse(request.header(DEVICE_PROBE));
        if (probe != null) {
            probe.problems().forEach(p -> reasons.add("probe-ignored:" + p));
            Tier measured = tier == null ? probe.tier(rules) : null;
            if (measured != null) {
                tier = measured;
                reasons.add(probe.reason());
            }
        }
        reasons.addAll(hints.problems());
        if (tier == null && hints.deviceMemoryGb() != null) {
            double gb = hints.deviceMemoryGb();
            tier = gb < rules.memoryLowBelowGb() ? Tier.LOW : gb >= rules.memoryHighAtLeastGb() ? Tier.HIGH : Tier.MID;
            reasons.add("device-memory=" + number(gb));
            hintsUsed.add(hints.header("device-memory"));
        }
        if (tier == null && ua.tier() != null) {
            tier = ua.tier();
            reasons.add(ua.reason());
        }
        if (tier == null) {
            tier = rules.defaultTier();
            reasons.add("default");
            reasons.add("uncertain:no-device-signal");
        }
        // These hints shape the response at any tier, so they are consulted whenever sent.
        for (String hint : new String[] {"dpr", "viewport-width", "ect", "save-data", "reduced-motion"}) {
            use(hints, hint, hintsUsed);
        }
        Tier media = mediaTier(tier, hints, reasons);
        if (hints.reducedMotion()) {
            reasons.add("reduced-motion");
        }
        return new DeviceProfile(
                tier,
                media,
                reasons,
                ua.facts().profileOs(),
                ua.facts().osVersion(),
                ua.facts().model(),
                hints.dpr() != null ? hints.dpr() : reportedDpr(request),
                hints.viewportWidth() == null ? 0 : hints.viewportWidth(),
                hints.ect(),
                hints.saveData(),
                hints.reducedMotion(),
                hintsUsed);
    }

    /** The app's own DPR from {@value #DEVICE_REPORT} when no DPR hint came; 1 when neither did. */
    private static double reportedDpr(DeviceRequest request) {
        Double dpr = DeviceReport.dpr(request.header(DEVICE_REPORT));
        return dpr == null ? 1.0 : dpr;
    }

    private UaVerdict userAgent(String header, ClientHints hints, Set<String> hintsUsed) {
        String ua = header == null
                ? ""
                : header.length() > rules.uaMaxLength() ? header.substring(0, rules.uaMaxLength()) : header;
        if (hints.model() == null && hints.platformVersion() == null && hints.mobile() == null) {
            return cache.get(ua, key -> classify(key, null, null, null));
        }
        // The UA client hints refine a reduced UA ("Android 10; K"), so they are part of the key.
        use(hints, "model", hintsUsed);
        use(hints, "platform-version", hintsUsed);
        use(hints, "mobile", hintsUsed);
        HintedKey key = new HintedKey(ua, hints.model(), hints.platformVersion(), hints.mobile());
        return cache.get(key, k -> classify(ua, hints.model(), hints.platformVersion(), hints.mobile()));
    }

    /** Cache key of a User-Agent refined by UA client hints; a record, so no string is built. */
    private record HintedKey(String ua, String model, Integer platformVersion, Boolean mobile) {}

    private UaVerdict classify(String ua, String model, Integer platformVersion, Boolean mobile) {
        UserAgentFacts facts = reader.read(ua, model, platformVersion, mobile);
        if (facts.form().equals("bot")) {
            return classifier.classify(facts, ua);
        }
        UaVerdict listed = classifier.listed(facts);
        if (listed != null) {
            return listed; // an operator's exact model list outranks the bundled hardware data
        }
        DeviceSpec spec = devices.find(facts.model());
        if (spec != null) {
            ReportClassifier.Decision hw = HardwareClassifier.decide(spec, socs, rules.hardware());
            if (hw != null) {
                return new UaVerdict(facts, hw.tier(), hw.reason());
            }
        }
        UaVerdict verdict = classifier.classify(facts, ua);
        if (verdict.tier() != null) {
            return verdict;
        }
        if (facts.osVersion() <= 0) {
            // The fallback is fitted per OS version. Without one (no model and no version, or
            // Chrome's frozen "Android 10; K" with no Sec-CH-UA-Platform-Version) its OS-wide
            // cell speaks for the labelled set's many old phones, not for a phone running a
            // current Chrome: the default, said as uncertain, is the honest answer.
            return verdict;
        }
        FallbackTable.Cell cell = fallback.find(facts);
        return cell == null ? verdict : new UaVerdict(facts, cell.tier(), "ua:" + cell.reason(facts));
    }

    /**
     * True when this profile's tier is a guess the H5 probe could improve: it came from the
     * fitted fallback or the default, not from an override, the app's report, the probe itself,
     * a memory hint, the device table or a rule. The H5 page then includes the probe script.
     */
    public static boolean wantsProbe(DeviceProfile profile) {
        for (String reason : profile.reasons()) {
            if (reason.startsWith("ua:fallback=") || reason.equals("default")) {
                return true;
            }
            if (reason.startsWith("override=")
                    || reason.startsWith("report:")
                    || reason.startsWith("probe:")
                    || reason.startsWith("device-memory=")
                    || reason.startsWith("hw:")
                    || reason.startsWith("ua:")) {
                return false;
            }
        }
        return false;
    }

    /** What the User-Agent and UA hints of a request say, without deciding (for fitting tools). */
    public UserAgentFacts facts(DeviceRequest request) {
        ClientHints hints = ClientHints.read(request);
        String header = request.header("User-Agent");
        String ua = header == null
                ? ""
                : header.length() > rules.uaMaxLength() ? header.substring(0, rules.uaMaxLength()) : header;
        return reader.read(ua, hints.model(), hints.platformVersion(), hints.mobile());
    }

    private Tier mediaTier(Tier tier, ClientHints hints, List<String> reasons) {
        Tier media = tier;
        if (hints.ect() != null) {
            Tier cap = rules.ectMediaTier().get(hints.ect());
            if (cap != null) {
                media = media.min(cap);
                reasons.add("ect=" + hints.ect());
            }
        }
        if (hints.saveData()) {
            media = media.min(rules.saveDataMediaTier());
            reasons.add("save-data");
        }
        return media;
    }

    private static void use(ClientHints hints, String hint, Set<String> hintsUsed) {
        String header = hints.header(hint);
        if (header != null) {
            hintsUsed.add(header);
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String shorten(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }
}
