package io.venuekit.assets.crop;

/** A slot shape such as "16:9": its ratio and the largest window of it an image holds. */
record Aspect(String name, double ratio) {

    static Aspect parse(String name) {
        String[] parts = name == null ? new String[0] : name.split(":");
        try {
            if (parts.length == 2) {
                double w = Double.parseDouble(parts[0]), h = Double.parseDouble(parts[1]);
                if (w > 0 && h > 0) return new Aspect(name, w / h);
            }
        } catch (NumberFormatException ignored) {
            // reported below with the value that arrived
        }
        throw new IllegalArgumentException("aspect: must be \"W:H\" with positive numbers, e.g. \"16:9\", got \"" + name + "\"");
    }

    /** {width, height} of the largest window of this shape inside the image. */
    int[] largestWindow(int imageWidth, int imageHeight) {
        int w = imageWidth, h = (int) Math.round(imageWidth / ratio);
        if (h > imageHeight) {
            h = imageHeight;
            w = Math.min(imageWidth, (int) Math.round(imageHeight * ratio));
        }
        return new int[]{Math.max(1, w), Math.max(1, h)};
    }
}
