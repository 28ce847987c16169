package io.venuekit.assets.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {

    @Test
    void copiesOfOnePhotoShareAFold() {
        List<String> names = new ArrayList<>(), sources = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add("sod-" + i + ".jpg");
            names.add("sod-" + i + "-crop2.jpg");
            sources.add("sod");
            sources.add("sod");
        }
        int[] fold = GroupedFolds.assign(names, sources, 5);
        for (int i = 0; i < 20; i++) assertEquals(fold[2 * i], fold[2 * i + 1], names.get(2 * i));
    }

    @Test
    void everySourceReachesEveryFold() {
        List<String> names = new ArrayList<>(), sources = new ArrayList<>();
        for (String source : List.of("faces", "street", "objects")) {
            for (int i = 0; i < 7; i++) {
                names.add(source + "-" + i + ".jpg");
                sources.add(source);
            }
        }
        int[] fold = GroupedFolds.assign(names, sources, 5);
        for (int s = 0; s < 3; s++) {
            Set<Integer> folds = new HashSet<>();
            for (int i = 0; i < 7; i++) folds.add(fold[s * 7 + i]);
            assertEquals(5, folds.size(), "source " + s + " in folds " + folds);
        }
    }
}
