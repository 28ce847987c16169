package io.venuekit.assets.saliency;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a one-node ONNX model by hand (the protobuf wire format, field numbers from onnx.proto),
 * so the ONNX saliency path is tested against a real ONNX Runtime session without shipping a
 * model file: input {@code input} [1, 3, S, S] float, output {@code output} [1, 1, S, S], the
 * mean over the three channels. A bright patch therefore comes out as the map's peak, and the
 * output values show exactly how the input was scaled.
 */
final class TinyOnnx {

    private TinyOnnx() {}

    static Path channelMean(Path dir, int side) throws IOException {
        byte[] attribute = message(
                string(1, "axes"),
                varint(20, 7), // AttributeType.INTS
                varint(8, 1));
        byte[] keepDims = message(string(1, "keepdims"), varint(20, 2), varint(3, 1)); // INT
        byte[] node = message(
                string(1, "input"),
                string(2, "output"),
                string(3, "mean"),
                string(4, "ReduceMean"),
                bytes(5, attribute),
                bytes(5, keepDims));
        byte[] graph = message(
                bytes(1, node),
                string(2, "channel-mean"),
                bytes(11, valueInfo("input", 1, 3, side, side)),
                bytes(12, valueInfo("output", 1, 1, side, side)));
        byte[] opset = message(string(1, ""), varint(2, 13));
        byte[] model = message(varint(1, 8), string(2, "venuekit-test"), bytes(7, graph), bytes(8, opset));
        Path file = dir.resolve("saliency.onnx");
        Files.write(file, model);
        return file;
    }

    /**
     * The channel mean, then a {@code Resize} to half the side with constant {@code sizes}, as ISNet's
     * exports fix every upsampling: input [1, 3, S, S], output [1, 1, S/2, S/2].
     */
    static Path channelMeanHalved(Path dir, int side) throws IOException {
        byte[] attribute = message(string(1, "axes"), varint(20, 7), varint(8, 1));
        byte[] keepDims = message(string(1, "keepdims"), varint(20, 2), varint(3, 1));
        byte[] mean = message(
                string(1, "input"),
                string(2, "mean"),
                string(3, "mean"),
                string(4, "ReduceMean"),
                bytes(5, attribute),
                bytes(5, keepDims));
        byte[] resize = message(
                string(1, "mean"),
                string(1, ""),
                string(1, ""),
                string(1, "sizes"),
                string(2, "output"),
                string(3, "resize"),
                string(4, "Resize"));
        java.nio.ByteBuffer raw = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        raw.putLong(1).putLong(1).putLong(side / 2).putLong(side / 2);
        byte[] sizes = message(varint(1, 4), varint(2, 7), string(8, "sizes"), bytes(9, raw.array())); // INT64
        byte[] graph = message(
                bytes(1, mean),
                bytes(1, resize),
                string(2, "channel-mean-halved"),
                bytes(5, sizes),
                bytes(11, valueInfo("input", 1, 3, side, side)),
                bytes(12, valueInfo("output", 1, 1, side / 2, side / 2)),
                bytes(13, valueInfo("mean", 1, 1, side, side)));
        byte[] opset = message(string(1, ""), varint(2, 13));
        byte[] model = message(varint(1, 8), string(2, "venuekit-test"), bytes(7, graph), bytes(8, opset));
        Path file = dir.resolve("saliency.onnx");
        Files.write(file, model);
        return file;
    }

    private static byte[] valueInfo(String name, long... dims) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (long d : dims) shape.writeBytes(bytes(1, message(varint(1, d))));
        byte[] tensor = message(varint(1, 1), bytes(2, shape.toByteArray())); // elem_type FLOAT
        return message(string(1, name), bytes(2, message(bytes(1, tensor))));
    }

    private static byte[] message(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : fields) out.writeBytes(f);
        return out.toByteArray();
    }

    private static byte[] varint(int field, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, (long) field << 3);
        writeVarint(out, value);
        return out.toByteArray();
    }

    private static byte[] string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int field, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeVarint(out, ((long) field << 3) | 2);
        writeVarint(out, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
