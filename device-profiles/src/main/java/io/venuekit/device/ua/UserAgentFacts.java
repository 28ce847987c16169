package io.venuekit.device.ua;

/**
 * What a User-Agent (and the UA client hints that refine it) says about the device.
 *
 * @param os           {@code android}, {@code ios}, {@code harmonyos}, {@code windows},
 *                     {@code macos}, {@code linux}, {@code chromeos} or {@code other}
 * @param osVersion    major version, 0 when unknown
 * @param model        the device model token (e.g. {@code SM-J260F}, {@code iPhone15,4}), or null
 * @param form         {@code phone}, {@code tablet}, {@code desktop}, {@code bot} or {@code unknown}
 * @param chromeMajor  the Chrome/WebView major version, 0 when the UA has none
 */
public record UserAgentFacts(String os, int osVersion, String model, String form, int chromeMajor) {

    /** The OS as {@code DeviceProfile} names it: desktop systems are {@code other}. */
    public String profileOs() {
        return switch (os) {
            case "android", "ios", "harmonyos" -> os;
            default -> "other";
        };
    }
}
