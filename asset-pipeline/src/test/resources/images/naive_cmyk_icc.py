#!/usr/bin/env python3
"""Writes a small CMYK ICC profile (v2 output class, A2B0 lut16, PCS Lab) whose colours follow the
naive formula R = (1-C)(1-K), G = (1-M)(1-K), B = (1-Y)(1-K) in sRGB. It exists so the CMYK test
images carry an embedded profile that is our own work (no licensed profile in the repository) and
whose expected colours a test can compute. Usage: naive_cmyk_icc.py OUT.icc"""
import struct
import sys

GRID = 9


def srgb_to_lab(r, g, b):
    def lin(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = lin(r), lin(g), lin(b)
    # sRGB colorants adapted to D50 (the ICC PCS white), as in the sRGB ICC profile.
    x = 0.4360747 * r + 0.3850649 * g + 0.1430804 * b
    y = 0.2225045 * r + 0.7168786 * g + 0.0606169 * b
    z = 0.0139322 * r + 0.0971045 * g + 0.7141733 * b
    xn, yn, zn = 0.9642, 1.0, 0.8249

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(x / xn), f(y / yn), f(z / zn)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def lab16(l, a, b):
    # ICC v2 16-bit Lab (lut16Type): L 0..100 -> 0..0xFF00, a/b -128..127.996 -> 0..0xFFFF
    def clamp(v):
        return max(0, min(65535, int(round(v))))
    return clamp(l * 65280 / 100), clamp((a + 128) * 256), clamp((b + 128) * 256)


def s15(v):
    return struct.pack('>i', int(round(v * 65536)))


def text_description(s):
    ascii_ = s.encode('ascii') + b'\0'
    return (b'desc' + b'\0' * 4 + struct.pack('>I', len(ascii_)) + ascii_
            + struct.pack('>II', 0, 0) + struct.pack('>HB', 0, 0) + b'\0' * 67)


def lut16():
    out = bytearray(b'mft2' + b'\0' * 4 + bytes([4, 3, GRID, 0]))
    for row in ((1, 0, 0), (0, 1, 0), (0, 0, 1)):
        for v in row:
            out += s15(v)
    out += struct.pack('>HH', 2, 2)
    for _ in range(4):
        out += struct.pack('>HH', 0, 65535)
    steps = [i / (GRID - 1) for i in range(GRID)]
    for c in steps:
        for m in steps:
            for y in steps:
                for k in steps:
                    lab = srgb_to_lab((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
                    out += struct.pack('>HHH', *lab16(*lab))
    for _ in range(3):
        out += struct.pack('>HH', 0, 65535)
    return bytes(out)


def profile():
    tags = [
        (b'desc', text_description('Venuekit naive CMYK (test only)')),
        (b'cprt', b'text' + b'\0' * 4 + b'No copyright, generated for tests\0'),
        (b'wtpt', b'XYZ ' + b'\0' * 4 + s15(0.9642) + s15(1.0) + s15(0.8249)),
        (b'A2B0', lut16()),
    ]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table = struct.pack('>I', len(tags))
    body = b''
    for sig, data in tags:
        while (offset + len(body)) % 4:
            body += b'\0'
        table += sig + struct.pack('>II', offset + len(body), len(data))
        body += data
    size = 128 + len(table) + len(body)
    header = (struct.pack('>I', size) + b'\0' * 4 + struct.pack('>I', 0x02100000) + b'prtr' + b'CMYK' + b'Lab '
              + struct.pack('>6H', 2026, 1, 1, 0, 0, 0) + b'acsp' + b'\0' * 4 + struct.pack('>I', 0)
              + b'\0' * 8 + b'\0' * 8 + struct.pack('>I', 0) + s15(0.9642) + s15(1.0) + s15(0.8249)
              + b'\0' * 4 + b'\0' * 44)
    assert len(header) == 128, len(header)
    return header + table + body


if __name__ == '__main__':
    with open(sys.argv[1], 'wb') as fh:
        fh.write(profile())
