package io.venuekit.components.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The sample "Double 11 main venue" shipped with the library, and generated pages of any size
 * for tests and benchmarks. Images are referenced by symbolic asset ids {@code sample:<name>}
 * (see {@link #IMAGE_NAMES}); the server seeds real images and rewrites those ids.
 */
public final class SampleVenue {

    public static final String RESOURCE = "venuekit/samples/double11-main.json";
    /** The prefix of the symbolic asset ids used by the samples. */
    public static final String ASSET_PREFIX = "sample:";
    /** Every image name the samples use, each referenced as {@code sample:<name>}. */
    public static final List<String> IMAGE_NAMES = List.of(
            "hero",
            "banner-1",
            "banner-2",
            "banner-3",
            "product-1",
            "product-2",
            "product-3",
            "product-4",
            "shop-logo",
            "live-cover",
            "video-poster",
            "showcase-poster");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Children of one generated block: a product grid of this many cards plus four other components. */
    private static final int CARDS_PER_GRID = 20;

    private SampleVenue() {}

    /** A fresh copy of the sample venue document. */
    public static JsonNode load() {
        try (InputStream in = SampleVenue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A valid page of exactly {@code components} components (at least 1): blocks of a section
     * holding a product grid of cards, an image, a coupon and a rich text, then spacers.
     */
    public static JsonNode generate(int components) {
        if (components < 1) {
            throw new IllegalArgumentException("a generated page needs at least 1 component, got " + components);
        }
        ObjectNode page = NODES.objectNode();
        page.put("slug", "generated-" + components);
        page.put("title", "Generated page of " + components + " components");
        ArrayNode list = page.putArray("components");
        int blockSize = 1 + 1 + CARDS_PER_GRID + 3;
        int left = components;
        int block = 0;
        while (left >= blockSize) {
            list.add(block(block++));
            left -= blockSize;
        }
        for (int i = 0; i < left; i++) {
            list.add(component("gap-" + i, "spacer", 1, NODES.objectNode().put("height", 8 + i % 16)));
        }
        return page;
    }

    private static ObjectNode block(int b) {
        ObjectNode section = component("s" + b, "section", 1, NODES.objectNode().put("title", "Block " + (b + 1)));
        ArrayNode sectionChildren = (ArrayNode) section.get("children");
        ObjectNode grid = component(
                "s" + b + "-grid", "product-grid", 1, NODES.objectNode().put("columns", 2 + b % 2));
        ArrayNode cards = (ArrayNode) grid.get("children");
        for (int i = 0; i < CARDS_PER_GRID; i++) {
            ObjectNode props = NODES.objectNode().put("productId", "sku-" + (10_000 + b * CARDS_PER_GRID + i));
            props.putObject("image").put("asset", ASSET_PREFIX + "product-" + (i % 4 + 1));
            props.put("title", "Product " + (i + 1) + " of block " + (b + 1));
            props.putObject("campaignPrice").put("cents", 990 + i * 100);
            cards.add(component("s" + b + "-card-" + i, "product-card", 1, props));
        }
        sectionChildren.add(grid);
        ObjectNode image = NODES.objectNode();
        image.putObject("image")
                .put("asset", ASSET_PREFIX + "banner-" + (b % 3 + 1))
                .putObject("focus")
                .put("x", 0.5)
                .put("y", 0.4);
        sectionChildren.add(component("s" + b + "-banner", "image", 1, image));
        ObjectNode coupon = NODES.objectNode().put("poolId", "pool-" + b);
        coupon.putObject("amount").put("cents", 1000 + b);
        sectionChildren.add(component("s" + b + "-coupon", "coupon-card", 2, coupon));
        sectionChildren.add(component(
                "s" + b + "-note",
                "rich-text",
                2,
                NODES.objectNode().put("text", "**Block " + (b + 1) + "**: prices valid on 11 Nov only")));
        return section;
    }

    private static ObjectNode component(String id, String type, int version, ObjectNode props) {
        ObjectNode c = NODES.objectNode();
        c.put("id", id);
        c.put("type", type);
        c.put("version", version);
        c.set("props", props);
        c.putArray("children");
        return c;
    }
}
