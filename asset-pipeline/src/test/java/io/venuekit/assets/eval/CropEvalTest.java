package io.venuekit.assets.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.venuekit.assets.crop.CropPlanner;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropEvalTest {

    @Test
    void writesOneCropPerShapeForEveryImageInTheScorersFormat(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("images"));
        BufferedImage image = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 120, 90));
        g.fillRect(0, 0, 600, 300);
        g.setColor(new Color(250, 210, 30));
        g.fillOval(460, 100, 100, 100);
        g.dispose();
        ImageIO.write(image, "png", dir.resolve("images/ball.png").toFile());
        Files.writeString(
                dir.resolve("ground_truth.json"),
                "{\"ball.png\": {\"width\": 600, \"height\": 300, \"subject\": [460, 100, 100, 100], \"faces\": [], \"text\": []}}");
        Path out = dir.resolve("crops.json");

        CropEval.main(
                new String[] {dir.toString(), out.toString(), System.getProperty("venuekit.models", "../models")});

        JsonNode crops = new ObjectMapper().readTree(out.toFile()).get("ball.png");
        assertEquals(CropPlanner.SHAPES.size(), crops.size(), crops.toString());
        JsonNode square = crops.get("1:1");
        int x = square.get(0).asInt(), w = square.get(2).asInt();
        assertEquals(300, w);
        assertTrue(x <= 460 && x + w >= 560, "the square holds the ball: " + square);
    }
}
