package io.venuekit.assets.eval;

import io.venuekit.assets.saliency.SubjectSearch;
import java.util.ArrayList;
import java.util.List;

/** The parameter sets cross-validation chooses among for {@link SubjectSearch}: a coarse grid, few values each. */
final class SearchGrid {

    static final double[] THRESHOLDS = {0.05, 0.1, 0.2, 0.3, 0.4};
    static final double[] MIN_CONTRASTS = {0, 0.1, 0.2, 0.3};
    static final double[] GROWS = {0, 0.05, 0.1};
    static final double[] CENTRE_SIGMAS = {0.35, 0.5, 1.0};
    static final double[] EDGE_WEIGHTS = {0, 1};
    static final double[] MIN_AGREEMENTS = {0, 0.2, 0.3, 0.4, 0.5};

    private SearchGrid() {}

    /** The grid; {@code withAgreement} false leaves the agreement test out (its value 0 only), to compare. */
    static List<SubjectSearch> all(boolean withAgreement) {
        double[] agreements = withAgreement ? MIN_AGREEMENTS : new double[] {0};
        List<SubjectSearch> out = new ArrayList<>();
        for (double t : THRESHOLDS)
            for (double c : MIN_CONTRASTS)
                for (double g : GROWS)
                    for (double s : CENTRE_SIGMAS)
                        for (double e : EDGE_WEIGHTS)
                            for (double a : agreements) out.add(new SubjectSearch(t, c, g, s, e, a));
        return out;
    }
}
