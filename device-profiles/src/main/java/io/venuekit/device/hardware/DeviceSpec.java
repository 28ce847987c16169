package io.venuekit.device.hardware;

/**
 * One device model's hardware, as a row of a device table.
 *
 * @param brand   maker as sold ({@code samsung})
 * @param model   the model code as phones send it; a trailing {@code *} covers every code that
 *                starts with it ({@code SM-A525*}: SM-A525F, SM-A525M)
 * @param name    marketing name, for reasons and people
 * @param ramGb   the smallest memory the model was sold with, GB (0 when unknown)
 * @param soc     chip name or part number, looked up in the {@link SocTable}; null when unknown
 * @param year    release year, 0 when unknown
 * @param form    {@code phone}, {@code tablet} or null
 * @param source  where the row comes from (file and line), for reasons and audits
 */
public record DeviceSpec(
        String brand, String model, String name, double ramGb, String soc, int year, String form, String source) {}
