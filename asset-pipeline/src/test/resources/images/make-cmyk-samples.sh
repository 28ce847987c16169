#!/bin/sh
# Regenerates the CMYK JPEG samples (needs ImageMagick 6 and python3). Top half #d02020, bottom
# half #2040c0, converted to CMYK with ImageMagick's naive formula, which the embedded profile from
# naive_cmyk_icc.py inverts: decoding with the profile must give the two colours back.
set -e
cd "$(dirname "$0")"
python3 naive_cmyk_icc.py /tmp/venuekit-naive-cmyk.icc
convert -size 48x32 xc:'#d02020' \( -size 48x32 xc:'#2040c0' \) -append -colorspace CMYK -quality 95 \
  -profile /tmp/venuekit-naive-cmyk.icc ycck-icc.jpg
convert -size 48x32 xc:'#d02020' \( -size 48x32 xc:'#2040c0' \) -append -colorspace CMYK -quality 95 \
  ycck-no-icc.jpg
rm -f /tmp/venuekit-naive-cmyk.icc
