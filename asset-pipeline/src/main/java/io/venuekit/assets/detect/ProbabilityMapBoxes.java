package io.venuekit.assets.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * DB post-processing (PaddleOCR's {@code DBPostProcess}, axis-aligned): binarise the text
 * probability map, take each 8-connected region, score it by its mean probability, drop weak
 * or tiny ones, and grow ("unclip") each box by {@code area * unclipRatio / perimeter}, since
 * the network is trained to predict a shrunken text kernel.
 */
record ProbabilityMapBoxes(double binaryThreshold, double boxThreshold, double unclipRatio, int minSide) {

    static final ProbabilityMapBoxes DB_DEFAULTS = new ProbabilityMapBoxes(0.3, 0.6, 1.5, 3);

    /** Boxes in map pixels. */
    List<Box> find(float[] map, int width, int height) {
        int[] label = new int[map.length];
        int[] stack = new int[map.length];
        List<Box> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < map.length; start++) {
            if (label[start] != 0 || map[start] <= binaryThreshold) continue;
            next++;
            int top = 0, minX = width, minY = height, maxX = -1, maxY = -1, count = 0;
            double sum = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                int px = p % width, py = p / width;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                sum += map[p];
                count++;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = py + dy;
                    if (ny < 0 || ny >= height) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        if (nx < 0 || nx >= width) continue;
                        int q = ny * width + nx;
                        if (label[q] == 0 && map[q] > binaryThreshold) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            double w = maxX - minX + 1, h = maxY - minY + 1;
            double score = sum / count;
            if (Math.min(w, h) < minSide || score < boxThreshold) continue;
            double d = w * h * unclipRatio / (2 * (w + h));
            out.add(new Box(minX - d, minY - d, w + 2 * d, h + 2 * d, score));
        }
        return out;
    }
}
