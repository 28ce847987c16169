package io.venuekit.device.hardware;

/** Lenient number parsing for table cells: null when the cell is not a number in range. */
final class Numbers {

    private Numbers() {}

    static Double decimal(String cell, double min, double max) {
        if (cell == null || cell.isBlank() || cell.length() > 16) {
            return null;
        }
        try {
            double d = Double.parseDouble(cell.trim());
            return Double.isFinite(d) && d >= min && d <= max ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer wholeNumber(String cell, int min, int max) {
        Double d = decimal(cell, min, max);
        return d == null || d != Math.rint(d) ? null : d.intValue();
    }
}
