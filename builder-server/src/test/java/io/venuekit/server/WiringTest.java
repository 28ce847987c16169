package io.venuekit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.venuekit.assets.crop.CropPlanner;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiringTest {

    @Test
    void cropsTheShippedShapesAndEveryShapeAComponentAdds() {
        ComponentRegistry shipped = ComponentRegistry.loadDefault();
        assertEquals(CropPlanner.SHAPES, Wiring.cropShapes(shipped));

        ComponentSchema video = shipped.find("video").orElseThrow();
        ObjectNode file = video.file().deepCopy();
        file.put("type", "cinema-banner");
        List<ComponentSchema> schemas = new ArrayList<>(shipped.all());
        schemas.add(new ComponentSchema(
                "cinema-banner",
                video.version(),
                video.title(),
                video.category(),
                video.icon(),
                video.description(),
                video.props(),
                video.defaults(),
                List.of(new ComponentSchema.ImageSlot("/poster", "21:9")),
                video.slots(),
                video.data(),
                video.tiers(),
                video.fallback(),
                video.migrations(),
                file));

        List<String> expected = new ArrayList<>(CropPlanner.SHAPES);
        expected.add("21:9");
        assertEquals(expected, Wiring.cropShapes(new ComponentRegistry(schemas)));
    }
}
