package io.venuekit.assets.saliency;

/** In-place radix-2 complex FFT, enough for the 64x64 spectral residual. */
final class Fft {

    private Fft() {}

    /** Transforms {@code re}/{@code im} (length a power of two) in place; {@code inverse} scales by 1/n. */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang), wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1, ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k, b = a + len / 2;
                    double br = re[b] * cr - im[b] * ci, bi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - br;
                    im[b] = im[a] - bi;
                    re[a] += br;
                    im[a] += bi;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    /** 2-D transform of an {@code n x n} row-major grid, rows then columns. */
    static void transform2d(double[] re, double[] im, int n, boolean inverse) {
        double[] r = new double[n], i = new double[n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(re, y * n, r, 0, n);
            System.arraycopy(im, y * n, i, 0, n);
            transform(r, i, inverse);
            System.arraycopy(r, 0, re, y * n, n);
            System.arraycopy(i, 0, im, y * n, n);
        }
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                r[y] = re[y * n + x];
                i[y] = im[y * n + x];
            }
            transform(r, i, inverse);
            for (int y = 0; y < n; y++) {
                re[y * n + x] = r[y];
                im[y * n + x] = i[y];
            }
        }
    }
}
