package io.venuekit.assets.decode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A zlib stream of zeros at deflate's best ratio (about 1:1032), written by hand instead of
 * compressing a gigabyte: one dynamic-Huffman block whose only length code (258) and only
 * distance code (1) are one bit each, both 0, so after one literal every 258 zeros cost two zero
 * bits. A 1.4 MB stream inflates to 1.5 GB, and building it costs a few milliseconds.
 */
final class ZlibBomb {

    private ZlibBomb() {}

    /** A zlib stream that inflates to {@code 1 + 258 * repeats} zero bytes. */
    static byte[] zeros(int repeats) {
        Bits bits = new Bits();
        bits.put(1, 1); // BFINAL
        bits.put(2, 2); // BTYPE = dynamic Huffman
        bits.put(29, 5); // HLIT: 286 literal/length codes (up to 285, length 258)
        bits.put(0, 5); // HDIST: 1 distance code
        bits.put(14, 4); // HCLEN: 18 code-length code lengths
        // code-length alphabet in its transmission order: 18 gets 1 bit, 1 and 2 get 2 bits
        int[] order = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1};
        for (int symbol : order) {
            bits.put(symbol == 18 ? 1 : symbol == 1 || symbol == 2 ? 2 : 0, 3);
        }
        // canonical codes: 18 -> 0, 1 -> 10, 2 -> 11
        // literal/length lengths: 0 -> 2, 1..255 -> 0, 256 -> 2, 257..284 -> 0, 285 -> 1; distance 0 -> 1
        bits.code(0b11, 2); // length 2 for literal 0
        bits.code(0, 1);
        bits.put(138 - 11, 7); // 138 zeros
        bits.code(0, 1);
        bits.put(117 - 11, 7); // 117 zeros: literals 1..255
        bits.code(0b11, 2); // length 2 for end of block
        bits.code(0, 1);
        bits.put(28 - 11, 7); // 28 zeros: lengths 257..284
        bits.code(0b10, 2); // length 1 for 285
        bits.code(0b10, 2); // length 1 for distance code 0
        // canonical codes: 285 -> 0, literal 0 -> 10, end of block -> 11; distance 0 -> 0
        bits.code(0b10, 2); // one literal zero
        bits.zeros(2L * repeats); // (length 258, distance 1), repeats times
        bits.code(0b11, 2); // end of block
        byte[] deflate = bits.toByteArray();

        long length = 1 + 258L * repeats;
        int adler = (int) ((length % 65521) << 16 | 1); // every byte zero: a stays 1, b sums it once per byte
        return ByteBuffer.allocate(2 + deflate.length + 4)
                .put((byte) 0x78)
                .put((byte) 0x9C)
                .put(deflate)
                .putInt(adler)
                .array();
    }

    /** How many bytes {@code zlib} inflates to, counting through a small buffer, stopping past {@code limit}. */
    static long inflatedLength(byte[] zlib, long limit) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(zlib);
        byte[] sink = new byte[1 << 16];
        long total = 0;
        while (!inflater.finished() && total <= limit) {
            int n = inflater.inflate(sink);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            total += n;
        }
        inflater.end();
        return total;
    }

    /** The PNG with {@code type}'s chunk of {@code data} inserted right after IHDR. */
    static byte[] withChunk(byte[] png, String type, byte[] data) {
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Deflate's bit order: fields least significant bit first, Huffman codes most significant bit first. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void put(int value, int count) {
            for (int i = 0; i < count; i++) {
                bit(value >> i & 1);
            }
        }

        void code(int code, int length) {
            for (int i = length - 1; i >= 0; i--) {
                bit(code >> i & 1);
            }
        }

        void zeros(long count) {
            while (count > 0 && used != 0) {
                bit(0);
                count--;
            }
            long bytes = count / 8;
            for (long i = 0; i < bytes; i++) {
                out.write(0);
            }
            for (long i = bytes * 8; i < count; i++) {
                bit(0);
            }
        }

        private void bit(int b) {
            current |= b << used;
            if (++used == 8) {
                out.write(current);
                current = 0;
                used = 0;
            }
        }

        byte[] toByteArray() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
