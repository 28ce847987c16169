package io.venuekit.components.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuekit.components.ComponentRegistry;
import io.venuekit.components.ComponentSchema;
import io.venuekit.components.samples.SampleVenue;
import io.venuekit.components.validation.PageValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageSnapshotTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ComponentRegistry TODAY = ComponentRegistry.loadDefault();

    @Test
    void pinsEveryTypeOfTheSampleVenueAtItsCurrentVersion() {
        PageSnapshot snapshot = PageSnapshot.of(TODAY, SampleVenue.load());
        assertEquals(2, snapshot.componentVersions().get("hero-banner"));
        assertEquals(1, snapshot.componentVersions().get("product-card"));
        assertEquals(
                new java.util.TreeSet<>(TODAY.types()),
                new java.util.TreeSet<>(snapshot.componentVersions().keySet()),
                "the sample uses every type");
        assertNotSame(SampleVenue.load(), snapshot.document());
    }

    @Test
    void aSnapshotStaysReadableAfterTheSchemaMovesOn() throws Exception {
        PageSnapshot snapshot = PageSnapshot.of(TODAY, SampleVenue.load());
        JsonNode stored = MAPPER.readTree(MAPPER.writeValueAsBytes(snapshot.document()));

        // next year hero-banner goes to version 3 and renames subtitle to tagline
        ComponentRegistry nextYear = withHeroBannerVersion3();
        JsonNode read = new ComponentMigrator(nextYear).upgradePage(stored);

        assertEquals(
                stored,
                MAPPER.readTree(MAPPER.writeValueAsBytes(snapshot.document())),
                "the stored snapshot is never rewritten");
        assertEquals(2, stored.at("/components/1/version").asInt());
        assertEquals(3, read.at("/components/1/version").asInt());
        assertEquals(stored.at("/components/1/props/subtitle"), read.at("/components/1/props/tagline"));
        assertEquals(List.of(), new PageValidator(nextYear).validate(read));
    }

    private static ComponentRegistry withHeroBannerVersion3() throws Exception {
        List<ComponentSchema> schemas = new ArrayList<>();
        for (ComponentSchema s : TODAY.all()) {
            if (!s.type().equals("hero-banner")) {
                schemas.add(s);
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode props = s.props().deepCopy();
            com.fasterxml.jackson.databind.node.ObjectNode properties =
                    (com.fasterxml.jackson.databind.node.ObjectNode) props.get("properties");
            properties.set("tagline", properties.remove("subtitle"));
            List<ComponentSchema.Migration> migrations = new ArrayList<>(s.migrations());
            migrations.add(new ComponentSchema.Migration(
                    2,
                    3,
                    List.of(MAPPER.readTree("{\"op\": \"move\", \"from\": \"/subtitle\", \"path\": \"/tagline\"}"))));
            schemas.add(new ComponentSchema(
                    s.type(),
                    3,
                    s.title(),
                    s.category(),
                    s.icon(),
                    s.description(),
                    props,
                    s.defaults(),
                    s.images(),
                    s.slots(),
                    s.data(),
                    s.tiers(),
                    s.fallback(),
                    List.copyOf(migrations),
                    s.file()));
        }
        return new ComponentRegistry(schemas);
    }
}
