// zlib for the PDF streams Signing reads and writes.
#include "csigning.h"
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

unsigned char *saraban_inflate(const unsigned char *data, size_t length, size_t limit, size_t *out_length) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) return NULL;
    size_t capacity = length * 4 + 1024;
    if (capacity > limit + 1) capacity = limit + 1;
    unsigned char *out = malloc(capacity);
    if (out == NULL) { inflateEnd(&z); return NULL; }
    z.next_in = (unsigned char *)data;
    z.avail_in = (uInt)length;
    size_t used = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (used == capacity) {
            if (capacity > limit) { free(out); inflateEnd(&z); return NULL; }
            size_t bigger = capacity * 2 > limit + 1 ? limit + 1 : capacity * 2;
            unsigned char *grown = realloc(out, bigger);
            if (grown == NULL) { free(out); inflateEnd(&z); return NULL; }
            out = grown; capacity = bigger;
        }
        z.next_out = out + used;
        z.avail_out = (uInt)(capacity - used);
        status = inflate(&z, Z_NO_FLUSH);
        used = capacity - z.avail_out;
        // No progress with room left to write: the data ends early.
        if (status == Z_BUF_ERROR && z.avail_out != 0) break;
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) { free(out); inflateEnd(&z); return NULL; }
    }
    inflateEnd(&z);
    if (status != Z_STREAM_END || used > limit) { free(out); return NULL; }
    *out_length = used;
    return out;
}

unsigned char *saraban_signing_deflate(const unsigned char *data, size_t length, size_t *out_length) {
    uLongf bound = compressBound((uLong)length);
    unsigned char *out = malloc(bound);
    if (out == NULL) return NULL;
    if (compress2(out, &bound, data, (uLong)length, 6) != Z_OK) { free(out); return NULL; }
    *out_length = bound;
    return out;
}

void saraban_signing_free(void *p) { free(p); }
