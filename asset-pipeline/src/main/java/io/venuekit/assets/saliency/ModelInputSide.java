package io.venuekit.assets.saliency;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a fully convolutional ONNX model exported for one square input side (ISNet: 1024) to
 * run at another: the graph's input and output sides and the spatial entries of every
 * {@code Resize} node's constant {@code sizes} scale by {@code to / from}, and the recorded
 * intermediate shapes ({@code value_info}) are dropped for ONNX Runtime to infer again. The cost
 * of such a model grows with its input's area, so a smaller side trades map detail for time
 * ({@code saliency.json}'s {@code side}). Works on the protobuf wire format directly (field
 * numbers from onnx.proto), so no ONNX library is needed. A size that does not scale to whole
 * pixels at every {@code Resize} is refused.
 */
final class ModelInputSide {

    // onnx.proto field numbers
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1,
            GRAPH_INITIALIZER = 5,
            GRAPH_INPUT = 11,
            GRAPH_OUTPUT = 12,
            GRAPH_VALUE_INFO = 13;
    private static final int NODE_INPUT = 1, NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1,
            TENSOR_DATA_TYPE = 2,
            TENSOR_INT64_DATA = 7,
            TENSOR_NAME = 8,
            TENSOR_RAW_DATA = 9;
    private static final int VALUE_INFO_TYPE = 2, TYPE_TENSOR = 1, TENSOR_TYPE_SHAPE = 2, SHAPE_DIM = 1, DIM_VALUE = 1;
    private static final int INT64 = 7;

    private ModelInputSide() {}

    /** {@code model} rewritten from side {@code from} to side {@code to}; the same bytes when they are equal. */
    static byte[] resized(byte[] model, int from, int to) {
        if (from == to) return model;
        if (from <= 0 || to <= 0)
            throw new IllegalArgumentException("sides must be positive, got " + from + " and " + to);
        List<Field> fields = parse(model);
        boolean graphSeen = false;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.number == MODEL_GRAPH && f.wireType == 2) {
                fields.set(i, f.with(graph(f.bytes, from, to)));
                graphSeen = true;
            }
        }
        if (!graphSeen) throw new IllegalArgumentException("not an ONNX model: no graph");
        return write(fields);
    }

    /** The side of the model's first input when it is a fixed square [N, C, S, S], else -1. */
    static int squareInputSide(byte[] model) {
        for (Field f : parse(model)) {
            if (f.number != MODEL_GRAPH || f.wireType != 2) continue;
            for (Field g : parse(f.bytes)) {
                if (g.number != GRAPH_INPUT) continue;
                List<Long> dims = new ArrayList<>();
                rewrite(
                        g.bytes,
                        VALUE_INFO_TYPE,
                        type -> rewrite(
                                type,
                                TYPE_TENSOR,
                                tensor -> rewrite(tensor, TENSOR_TYPE_SHAPE, shape -> {
                                    for (Field d : parse(shape)) {
                                        if (d.number != SHAPE_DIM) continue;
                                        long v = -1;
                                        for (Field x : parse(d.bytes))
                                            if (x.number == DIM_VALUE && x.wireType == 0) v = x.varint;
                                        dims.add(v);
                                    }
                                    return shape;
                                })));
                return dims.size() == 4 && dims.get(2) > 0 && dims.get(2).equals(dims.get(3))
                        ? dims.get(2).intValue()
                        : -1;
            }
        }
        return -1;
    }

    private static byte[] graph(byte[] graph, int from, int to) {
        List<Field> fields = parse(graph);
        Set<String> sizes = new HashSet<>();
        for (Field f : fields) {
            if (f.number != GRAPH_NODE) continue;
            List<Field> node = parse(f.bytes);
            String op = "";
            List<String> inputs = new ArrayList<>();
            for (Field n : node) {
                if (n.number == NODE_OP_TYPE) op = n.string();
                if (n.number == NODE_INPUT) inputs.add(n.string());
            }
            // Resize(X, roi, scales, sizes): sizes, when given, fix the output's shape.
            if (op.equals("Resize") && inputs.size() > 3 && !inputs.get(3).isEmpty()) sizes.add(inputs.get(3));
        }
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            switch (f.number) {
                case GRAPH_VALUE_INFO -> {} // inferred again from the new input
                case GRAPH_INITIALIZER -> out.add(f.with(initializer(f.bytes, sizes, from, to)));
                case GRAPH_INPUT, GRAPH_OUTPUT -> out.add(f.with(valueInfo(f.bytes, from, to)));
                default -> out.add(f);
            }
        }
        return write(out);
    }

    private static byte[] initializer(byte[] tensor, Set<String> sizes, int from, int to) {
        List<Field> fields = parse(tensor);
        String name = "";
        long type = 0;
        for (Field f : fields) {
            if (f.number == TENSOR_NAME) name = f.string();
            if (f.number == TENSOR_DATA_TYPE) type = f.varint;
        }
        if (!sizes.contains(name)) return tensor;
        if (type != INT64) throw new IllegalArgumentException("Resize sizes " + name + " are not int64");
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.number == TENSOR_RAW_DATA) {
                ByteBuffer b = ByteBuffer.wrap(f.bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
                long[] v = new long[f.bytes.length / 8];
                for (int i = 0; i < v.length; i++) v[i] = b.getLong(i * 8);
                scaleSpatial(v, from, to, name);
                for (int i = 0; i < v.length; i++) b.putLong(i * 8, v[i]);
                out.add(f.with(b.array()));
            } else if (f.number == TENSOR_INT64_DATA && f.wireType == 2) {
                List<Long> values = new ArrayList<>();
                int[] pos = {0};
                while (pos[0] < f.bytes.length) values.add(readVarint(f.bytes, pos));
                long[] v = values.stream().mapToLong(Long::longValue).toArray();
                scaleSpatial(v, from, to, name);
                ByteArrayOutputStream packed = new ByteArrayOutputStream();
                for (long x : v) writeVarint(packed, x);
                out.add(f.with(packed.toByteArray()));
            } else if (f.number == TENSOR_INT64_DATA) {
                throw new IllegalArgumentException("Resize sizes " + name + " stored unpacked: not supported");
            } else {
                out.add(f);
            }
        }
        return write(out);
    }

    /** NCHW sizes: H and W scale, N and C stay. */
    private static void scaleSpatial(long[] v, int from, int to, String name) {
        for (int i = 2; i < v.length; i++) {
            if (v[i] * to % from != 0) {
                throw new IllegalArgumentException("side " + to + " does not scale Resize " + name + " (" + v[i]
                        + " at side " + from + ") to whole pixels: choose a side that divides as " + from + " does");
            }
            v[i] = v[i] * to / from;
        }
    }

    private static byte[] valueInfo(byte[] info, int from, int to) {
        return rewrite(
                info,
                VALUE_INFO_TYPE,
                type -> rewrite(
                        type,
                        TYPE_TENSOR,
                        tensor -> rewrite(tensor, TENSOR_TYPE_SHAPE, shape -> {
                            List<Field> dims = parse(shape);
                            int index = 0;
                            List<Field> out = new ArrayList<>();
                            for (Field d : dims) {
                                if (d.number == SHAPE_DIM && index++ >= 2) {
                                    out.add(d.with(rewriteVarint(d.bytes, DIM_VALUE, v -> {
                                        if (v * to % from != 0)
                                            throw new IllegalArgumentException(
                                                    "side " + to + " does not scale a dimension of " + v);
                                        return v * to / from;
                                    })));
                                } else {
                                    out.add(d);
                                }
                            }
                            return write(out);
                        })));
    }

    private static byte[] rewrite(byte[] message, int field, java.util.function.UnaryOperator<byte[]> change) {
        List<Field> out = new ArrayList<>();
        for (Field f : parse(message))
            out.add(f.number == field && f.wireType == 2 ? f.with(change.apply(f.bytes)) : f);
        return write(out);
    }

    private static byte[] rewriteVarint(byte[] message, int field, java.util.function.LongUnaryOperator change) {
        List<Field> out = new ArrayList<>();
        for (Field f : parse(message))
            out.add(
                    f.number == field && f.wireType == 0
                            ? new Field(f.number, 0, change.applyAsLong(f.varint), null)
                            : f);
        return write(out);
    }

    /** One protobuf field: a varint or fixed value, or the bytes of a length-delimited one. */
    private record Field(int number, int wireType, long varint, byte[] bytes) {
        Field with(byte[] payload) {
            return new Field(number, wireType, varint, payload);
        }

        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<Field> parse(byte[] b) {
        List<Field> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            long key = readVarint(b, pos);
            int number = (int) (key >>> 3), wire = (int) (key & 7);
            switch (wire) {
                case 0 -> out.add(new Field(number, 0, readVarint(b, pos), null));
                case 1 -> {
                    out.add(new Field(number, 1, 0, java.util.Arrays.copyOfRange(b, pos[0], pos[0] + 8)));
                    pos[0] += 8;
                }
                case 5 -> {
                    out.add(new Field(number, 5, 0, java.util.Arrays.copyOfRange(b, pos[0], pos[0] + 4)));
                    pos[0] += 4;
                }
                case 2 -> {
                    int len = (int) readVarint(b, pos);
                    if (len < 0 || pos[0] + len > b.length)
                        throw new IllegalArgumentException("not an ONNX model: field " + number + " overruns");
                    out.add(new Field(number, 2, 0, java.util.Arrays.copyOfRange(b, pos[0], pos[0] + len)));
                    pos[0] += len;
                }
                default ->
                    throw new IllegalArgumentException("not an ONNX model: wire type " + wire + " of field " + number);
            }
        }
        return out;
    }

    private static byte[] write(List<Field> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Field f : fields) {
            writeVarint(out, ((long) f.number << 3) | f.wireType);
            switch (f.wireType) {
                case 0 -> writeVarint(out, f.varint);
                case 2 -> {
                    writeVarint(out, f.bytes.length);
                    out.writeBytes(f.bytes);
                }
                default -> out.writeBytes(f.bytes);
            }
        }
        return out.toByteArray();
    }

    private static long readVarint(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= b.length) throw new IllegalArgumentException("not an ONNX model: truncated varint");
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
        }
        throw new IllegalArgumentException("not an ONNX model: varint too long");
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
