package io.venuekit.assets.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits images into k folds so that all images of one photo land in the same fold (a photo in
 * both the fitting and the scoring folds would flatter the fit), and each source (face sets,
 * street scenes, object photos) is spread over all folds, so every fold is fitted on every kind.
 * Deterministic: the same names give the same folds.
 */
final class GroupedFolds {

    private GroupedFolds() {}

    /**
     * The photo a file shows: its name without extension and without a trailing variant
     * ({@code -crop2}, {@code _v1}), so copies of one photo group together.
     */
    static String photo(String fileName) {
        String stem = fileName.replaceFirst("\\.[^.]+$", "");
        return stem.replaceFirst("[-_](crop|copy|v)\\d+$", "");
    }

    /** Fold (0..k-1) of each name, given each name's source. */
    static int[] assign(List<String> names, List<String> sources, int k) {
        Map<String, Map<String, List<Integer>>> bySource = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            bySource.computeIfAbsent(sources.get(i), s -> new TreeMap<>())
                    .computeIfAbsent(photo(names.get(i)), p -> new ArrayList<>())
                    .add(i);
        }
        int[] fold = new int[names.size()];
        int next = 0;
        for (Map<String, List<Integer>> photos : bySource.values()) {
            // A fixed shuffle of the photos, so folds do not follow name order (which may follow time or place).
            Map<Integer, List<Integer>> shuffled = new TreeMap<>();
            photos.forEach((photo, members) -> shuffled.merge(mix(photo.hashCode()), members, (a, b) -> {
                List<Integer> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
            }));
            for (List<Integer> members : new LinkedHashMap<>(shuffled).values()) {
                for (int i : members) fold[i] = next % k;
                next++;
            }
        }
        return fold;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
