package io.venuekit.device.ua;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ua_parser.OS;
import ua_parser.Parser;

/**
 * Turns a User-Agent into {@link UserAgentFacts}. uap-java names the OS; the model token,
 * versions, form factor and bots are read here directly, because uap's device family rewrites
 * the model ("Samsung SM-J260F") and the rules are written against what phones send. uap's
 * browser and device parsers are not used: each costs about 0.5 ms per new User-Agent (its
 * OS parser about 15 µs), and a stream of unique User-Agents must not buy that much CPU.
 * Thread-safe: uap's {@link Parser} holds only compiled patterns after construction.
 */
public final class UserAgentReader {

    private static final Pattern ANDROID = Pattern.compile("(?<![A-Za-z-])Android[ /;]*(\\d+)");
    /**
     * The OS version as the system writes it, closed by ";" or ")": "Android 13;" in an app's
     * "Keeper for Android 1.0 (...; Android 13; SM-S908B)", whose first "Android 1.0" is the app's.
     */
    private static final Pattern ANDROID_OS = Pattern.compile("(?<![A-Za-z-])Android[ /]?(\\d+)(?:\\.\\d+)*\\s*[;)]");

    private static final Pattern IOS = Pattern.compile("(?:iPhone|CPU) OS (\\d+)[_.]");
    private static final Pattern HARMONY = Pattern.compile("(?:OpenHarmony|HarmonyOS)[ /]?(\\d+)?");
    /**
     * Crawlers and tools, matched on the lower-cased UA with plain substring search (a
     * case-insensitive regex alternation cost ~30 µs per miss). Not a bare "bot": phone
     * brands end in it too (Cubot), so only named bots and "compatible; ...bot" count.
     */
    private static final List<String> BOTS = List.of(
            "googlebot",
            "bingbot",
            "baiduspider",
            "yandexbot",
            "applebot",
            "bytespider",
            "petalbot",
            "duckduckbot",
            "adsbot",
            "mediapartners",
            "facebookexternalhit",
            "twitterbot",
            "slackbot",
            "crawler",
            "spider",
            "slurp",
            "headlesschrome",
            "python-requests",
            "go-http-client");

    private static final Pattern CHROME = Pattern.compile("(?:Chrome|CriOS)/(\\d+)");
    private static final Pattern FB_DEVICE = Pattern.compile("FBDV/([^;\\]]+)");
    private static final Pattern IPHONE_ID = Pattern.compile("\\b(iPhone\\d+,\\d+|iPad\\d+,\\d+)");
    /** Marketing names some apps send: "(iPhone 13 Pro; iOS 16.1)". */
    private static final Pattern IPHONE_NAME =
            Pattern.compile("\\b(iPhone (?:\\d{1,2}s?|SE|XR|XS|X)(?: (?:Pro Max|Pro|Max|Plus|mini|Mini|e))?)(?=[;),])");

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(?:[-_][a-zA-Z]{2,4})?");
    private static final Pattern BUILD = Pattern.compile("\\s+(?:Build|MIUI|HMSCore)\\b.*$");
    /** Brand names some browsers put before the model: "SAMSUNG SM-A032M". */
    private static final Pattern BRAND_PREFIX = Pattern.compile("^SAMSUNG[ -_]", Pattern.CASE_INSENSITIVE);
    /** Tokens in the Android parenthesis that are not the model. */
    private static final Set<String> NOT_MODEL = Set.of(
            "u",
            "wv",
            "k",
            "linux",
            "arm",
            "arm_64",
            "harmonyos",
            "mobile",
            "tablet",
            "x11",
            "i686",
            "x86_64",
            "aarch64",
            "armv7l",
            "armv8l");

    private final Parser parser;

    public UserAgentReader(Parser parser) {
        this.parser = parser;
    }

    /** Reads the UA; the UA client hints, when given, win over what the UA says. */
    public UserAgentFacts read(String ua, String hintModel, Integer hintPlatformVersion, Boolean hintMobile) {
        OS parsed = parser.parseOS(ua);
        String uapOs = parsed == null ? "Other" : parsed.family;
        String uapMajor = parsed == null ? null : parsed.major;
        String os = os(ua, uapOs);
        int osVersion = switch (os) {
            case "android" -> firstInt(ANDROID_OS, ua) > 0 ? firstInt(ANDROID_OS, ua) : firstInt(ANDROID, ua);
            case "ios" -> firstInt(IOS, ua) > 0 ? firstInt(IOS, ua) : parseInt(uapMajor);
            case "harmonyos" -> firstInt(HARMONY, ua) > 0 ? firstInt(HARMONY, ua) : firstInt(ANDROID, ua);
            default -> parseInt(uapMajor);
        };
        if (os.equals("android") && osVersion == 10 && ua.contains("Android 10; K)")) {
            // Chrome's reduced User-Agent freezes "Android 10; K" whatever the phone runs: unknown.
            osVersion = 0;
        }
        if (hintPlatformVersion != null && hintPlatformVersion > 0) {
            osVersion = hintPlatformVersion;
        }
        String model = hintModel != null && !hintModel.isBlank() ? hintModel.trim() : model(ua, os);
        String form = form(ua, os);
        if (hintMobile != null && (os.equals("android") || os.equals("harmonyos")) && !form.equals("bot")) {
            // Sec-CH-UA-Mobile: ?0 on Android is a tablet (or a desktop-mode request).
            form = hintMobile ? "phone" : "tablet";
        }
        return new UserAgentFacts(os, osVersion, model, form, firstInt(CHROME, ua));
    }

    private static String os(String ua, String uapOs) {
        if (ua.contains("HarmonyOS") || ua.contains("OpenHarmony")) {
            return "harmonyos";
        }
        return switch (uapOs) {
            case "Android" -> "android";
            case "iOS", "iPadOS" -> "ios";
            case "Windows", "Windows Phone" -> "windows";
            case "Mac OS X", "macOS" -> "macos";
            case "Chrome OS", "ChromeOS" -> "chromeos";
            case "Linux", "Ubuntu", "Fedora", "Debian" -> "linux";
            default -> ua.contains("Android") ? "android" : "other";
        };
    }

    private static String form(String ua, String os) {
        if (isBot(ua)) {
            return "bot";
        }
        return switch (os) {
            case "ios" -> ua.contains("iPad") ? "tablet" : "phone";
            // Chrome on Android tablets leaves "Mobile" out; WebView-only app UAs are unclear.
            case "android", "harmonyos" ->
                ua.contains("Mobile") ? "phone" : ua.contains("Mozilla/") ? "tablet" : "unknown";
            case "windows", "macos", "linux", "chromeos" -> "desktop";
            default -> "unknown";
        };
    }

    static boolean isBot(String ua) {
        String lower = ua.toLowerCase(Locale.ROOT);
        if (lower.startsWith("curl/") || lower.startsWith("wget")) {
            return true;
        }
        for (String bot : BOTS) {
            if (lower.contains(bot)) {
                return true;
            }
        }
        int compatible = lower.indexOf("compatible;");
        if (compatible >= 0) {
            int close = lower.indexOf(')', compatible);
            String inside = close < 0 ? lower.substring(compatible) : lower.substring(compatible, close);
            return inside.contains("bot") || inside.contains("crawl");
        }
        return false;
    }

    private static String model(String ua, String os) {
        Matcher fb = FB_DEVICE.matcher(ua);
        if (fb.find()) {
            return fb.group(1).trim();
        }
        if (os.equals("ios")) {
            Matcher id = IPHONE_ID.matcher(ua);
            if (id.find()) {
                return id.group(1);
            }
            Matcher name = IPHONE_NAME.matcher(ua);
            return name.find() ? name.group(1) : null;
        }
        if (!os.equals("android") && !os.equals("harmonyos")) {
            return null;
        }
        // The model is the first token after the Android version that is not a locale or a flag.
        int open = ua.indexOf('(');
        while (open >= 0) {
            int close = closing(ua, open);
            String group = close < 0 ? ua.substring(open + 1) : ua.substring(open + 1, close);
            if (group.contains("Android") || group.contains("Harmony")) {
                String model = modelIn(group);
                if (model != null) {
                    return model;
                }
            }
            open = close < 0 ? -1 : ua.indexOf('(', close);
        }
        return null;
    }

    // Models may hold parentheses themselves: "moto g(30)", "moto e(7i) power".
    private static int closing(String ua, int open) {
        int depth = 0;
        for (int i = open; i < ua.length(); i++) {
            char c = ua.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String modelIn(String group) {
        boolean afterOs = false;
        for (String raw : group.split(";")) {
            String token = raw.trim();
            if (!afterOs) {
                afterOs = token.startsWith("Android") || token.contains("Harmony");
                continue;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            if (token.isEmpty()
                    || NOT_MODEL.contains(lower)
                    || LOCALE.matcher(token).matches()
                    || lower.startsWith("harmonyos")
                    || lower.startsWith("hmscore")
                    || lower.startsWith("contact ")) {
                continue;
            }
            String model = BRAND_PREFIX
                    .matcher(BUILD.matcher(token).replaceFirst(""))
                    .replaceFirst("")
                    .trim();
            int slash = model.indexOf('/');
            model = slash > 0 ? model.substring(0, slash) : model;
            if (model.startsWith("Build/") || model.isEmpty()) {
                continue;
            }
            return model.length() > 64 ? model.substring(0, 64) : model;
        }
        return null;
    }

    private static int firstInt(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() && m.groupCount() >= 1 && m.group(1) != null ? parseInt(m.group(1)) : 0;
    }

    private static int parseInt(String s) {
        if (s == null || s.isEmpty() || s.length() > 6) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
