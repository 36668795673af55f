#include "cshims.h"
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <malloc.h>
#include <zlib.h>
#include <libdeflate.h>
#include <pthread.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>

void saraban_object_unref(void *object) { if (object) g_object_unref(object); }
void saraban_object_ref(void *object) { if (object) g_object_ref(object); }

/// The loading started by saraban_start_loading: 0 not started, 1 fontconfig being read, 2 read.
static int loading_state;
static pthread_mutex_t loading_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t loading_done = PTHREAD_COND_INITIALIZER;

static void *load_in_background(void *unused) {
    (void)unused;
    FcConfigGetCurrent();
    pthread_mutex_lock(&loading_lock);
    loading_state = 2;
    pthread_cond_broadcast(&loading_done);
    pthread_mutex_unlock(&loading_lock);
    // Pango loads libthai's dictionary at its first Thai break, under its own lock.
    static const char word[] = "\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22";
    PangoLogAttr attrs[8];
    pango_get_log_attrs(word, (int)strlen(word), -1, pango_language_from_string("th"), attrs, 8);
    return NULL;
}

void saraban_start_loading(void) {
    pthread_mutex_lock(&loading_lock);
    if (loading_state == 0) {
        pthread_t thread;
        int started = pthread_create(&thread, NULL, load_in_background, NULL) == 0;
        if (started) {
            pthread_detach(thread);
        }
        loading_state = started ? 1 : 2;
    }
    pthread_mutex_unlock(&loading_lock);
}

/// Waits until the background thread has read fontconfig's configuration, if one was started.
static void wait_for_fontconfig(void) {
    pthread_mutex_lock(&loading_lock);
    while (loading_state == 1) {
        pthread_cond_wait(&loading_done, &loading_lock);
    }
    pthread_mutex_unlock(&loading_lock);
}

int saraban_register_font_dir(const char *dir) {
    wait_for_fontconfig();
    FcConfig *config = FcConfigGetCurrent();
    return FcConfigAppFontAddDir(config, (const FcChar8 *)dir) ? 1 : 0;
}

const char *saraban_font_file(PangoFont *font) {
    if (!font || !PANGO_IS_FC_FONT(font)) return NULL;
    FcPattern *pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL;
    if (FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch) return NULL;
    return (const char *)file;
}

uint32_t saraban_nominal_glyph(PangoFont *font, uint32_t codepoint) {
    if (!font) return 0;
    hb_font_t *hb = pango_font_get_hb_font(font);
    hb_codepoint_t glyph = 0;
    if (!hb || !hb_font_get_nominal_glyph(hb, codepoint, &glyph)) return 0;
    return glyph;
}

int saraban_font_has_char(PangoFont *font, uint32_t codepoint) {
    if (!font) return 0;
    return pango_font_has_char(font, (gunichar)codepoint) ? 1 : 0;
}

void *saraban_svg_load_data(const unsigned char *data, size_t length, char *error, int error_len) {
    GError *err = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_data(data, length, &err);
    if (!handle) {
        if (error && error_len > 0) {
            strncpy(error, err ? err->message : "unreadable SVG", error_len - 1);
            error[error_len - 1] = 0;
        }
        if (err) g_error_free(err);
        return NULL;
    }
    return handle;
}

/// Where a PNG being decoded from memory has got to.
typedef struct { const unsigned char *data; size_t length, offset; } saraban_png_reader;

static cairo_status_t saraban_png_read(void *closure, unsigned char *out, unsigned int length) {
    saraban_png_reader *r = closure;
    if (length > r->length - r->offset) return CAIRO_STATUS_READ_ERROR;
    memcpy(out, r->data + r->offset, length);
    r->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *saraban_png_load_data(const unsigned char *data, size_t length) {
    saraban_png_reader reader = { data, length, 0 };
    return cairo_image_surface_create_from_png_stream(saraban_png_read, &reader);
}

void saraban_svg_size(void *handle, double *width, double *height) {
    gdouble w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels((RsvgHandle *)handle, &w, &h)) {
        RsvgRectangle ink, logical;
        rsvg_handle_get_geometry_for_layer((RsvgHandle *)handle, NULL, NULL, &ink, &logical, NULL);
        w = logical.width; h = logical.height;
    }
    *width = w; *height = h;
}

int saraban_svg_render(void *handle, cairo_t *cr, double x, double y, double width, double height) {
    RsvgRectangle viewport = { x, y, width, height };
    return rsvg_handle_render_document((RsvgHandle *)handle, cr, &viewport, NULL) ? 1 : 0;
}

void saraban_svg_free(void *handle) { if (handle) g_object_unref(handle); }

/* libdeflate's compressors, one per level and thread (a compressor is not shared between threads);
   each is freed when its thread ends. libdeflate compresses a whole buffer at once, and per
   distinct document it did in a third of zlib's instructions what PDF and PNG streams need. */
static pthread_key_t compressor_key;
static pthread_once_t compressor_once = PTHREAD_ONCE_INIT;

static void free_compressors(void *p) {
    struct libdeflate_compressor **table = p;
    for (int i = 0; i <= 12; i++) libdeflate_free_compressor(table[i]);
    free(table);
}

static void make_compressor_key(void) { pthread_key_create(&compressor_key, free_compressors); }

static struct libdeflate_compressor *compressor(int level) {
    if (level < 0 || level > 12) return NULL;
    pthread_once(&compressor_once, make_compressor_key);
    struct libdeflate_compressor **table = pthread_getspecific(compressor_key);
    if (!table) {
        table = calloc(13, sizeof *table);
        if (!table || pthread_setspecific(compressor_key, table) != 0) { free(table); return NULL; }
    }
    if (!table[level]) table[level] = libdeflate_alloc_compressor(level);
    return table[level];
}

unsigned char *saraban_deflate_level(const unsigned char *data, unsigned long length, int level, unsigned long *out_length) {
    struct libdeflate_compressor *c = compressor(level);
    if (!c) return NULL;
    size_t cap = libdeflate_zlib_compress_bound(c, length);
    unsigned char *out = malloc(cap ? cap : 1);
    if (!out) return NULL;
    size_t n = libdeflate_zlib_compress(c, data, length, out, cap);
    if (n == 0) { free(out); return NULL; }
    *out_length = n;
    return out;
}

/* zlib inflate of a FlateDecode stream, at most `limit` bytes out (a bound against bombs). */
unsigned char *saraban_inflate(const unsigned char *data, unsigned long length, unsigned long limit, unsigned long *out_length) {
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) return NULL;
    unsigned long cap = length * 4 + 1024;
    if (cap > limit) cap = limit;
    unsigned char *out = malloc(cap);
    if (!out) { inflateEnd(&z); return NULL; }
    z.next_in = (Bytef *)data; z.avail_in = (uInt)length;
    int r = Z_OK;
    while (r == Z_OK) {
        if (z.total_out == cap) {
            if (cap >= limit) break;
            cap = cap * 2 > limit ? limit : cap * 2;
            unsigned char *grown = realloc(out, cap);
            if (!grown) break;
            out = grown;
        }
        z.next_out = out + z.total_out; z.avail_out = (uInt)(cap - z.total_out);
        r = inflate(&z, Z_NO_FLUSH);
    }
    *out_length = z.total_out;
    inflateEnd(&z);
    if (r != Z_STREAM_END && z.total_out == 0) { free(out); return NULL; }
    return out;
}

void saraban_free(void *p) { free(p); }

unsigned char *saraban_font_subset(PangoFont *font, const uint32_t *glyphs, int count, unsigned long *out_length) {
    hb_font_t *hb = font ? pango_font_get_hb_font(font) : NULL;
    if (!hb) return NULL;
    hb_face_t *face = hb_font_get_face(hb);
    hb_subset_input_t *input = hb_subset_input_create_or_fail();
    if (!input) return NULL;
    hb_set_t *set = hb_subset_input_glyph_set(input);
    for (int i = 0; i < count; i++) hb_set_add(set, glyphs[i]);
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_t *drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    const char *tags[] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "kern", "morx", "DSIG", "name", "post", "gasp" };
    for (unsigned i = 0; i < sizeof tags / sizeof *tags; i++) hb_set_add(drop, hb_tag_from_string(tags[i], 4));
    hb_face_t *subset = hb_subset_or_fail(face, input);
    hb_subset_input_destroy(input);
    if (!subset) return NULL;
    hb_blob_t *blob = hb_face_reference_blob(subset);
    unsigned int length = 0;
    const char *data = hb_blob_get_data(blob, &length);
    unsigned char *out = length ? malloc(length) : NULL;
    if (out) { memcpy(out, data, length); *out_length = length; }
    hb_blob_destroy(blob);
    hb_face_destroy(subset);
    return out;
}

/* The font file's own advance of every glyph (its hmtx), in font units: what a PDF must declare
   in /W. Fills at most `count` entries; returns the number of glyphs in the font. */
int saraban_glyph_advances(PangoFont *font, int32_t *advances, int count) {
    hb_font_t *hb = font ? pango_font_get_hb_font(font) : NULL;
    if (!hb) return 0;
    hb_face_t *face = hb_font_get_face(hb);
    int glyphs = (int)hb_face_get_glyph_count(face);
    hb_font_t *unscaled = hb_font_create(face);
    for (int g = 0; g < glyphs && g < count; g++) advances[g] = hb_font_get_glyph_h_advance(unscaled, (hb_codepoint_t)g);
    hb_font_destroy(unscaled);
    return glyphs;
}

static int be16(const char *p) { return (int16_t)(((uint8_t)p[0] << 8) | (uint8_t)p[1]); }

void saraban_font_info(PangoFont *font, int *upem, int *bbox, int *ascender, int *descender, int *is_cff,
                       char *ps_name, int ps_name_len) {
    *upem = 1000; bbox[0] = bbox[1] = bbox[2] = bbox[3] = 0; *ascender = 800; *descender = -200; *is_cff = 0;
    if (ps_name_len > 0) ps_name[0] = 0;
    hb_font_t *hb = font ? pango_font_get_hb_font(font) : NULL;
    if (!hb) return;
    hb_face_t *face = hb_font_get_face(hb);
    *upem = (int)hb_face_get_upem(face);
    unsigned int len = 0;
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h','e','a','d'));
    const char *h = hb_blob_get_data(head, &len);
    if (len >= 44) { bbox[0] = be16(h + 36); bbox[1] = be16(h + 38); bbox[2] = be16(h + 40); bbox[3] = be16(h + 42); }
    hb_blob_destroy(head);
    hb_blob_t *hhea = hb_face_reference_table(face, HB_TAG('h','h','e','a'));
    const char *a = hb_blob_get_data(hhea, &len);
    if (len >= 8) { *ascender = be16(a + 4); *descender = be16(a + 6); }
    hb_blob_destroy(hhea);
    hb_blob_t *cff = hb_face_reference_table(face, HB_TAG('C','F','F',' '));
    *is_cff = hb_blob_get_length(cff) > 0;
    hb_blob_destroy(cff);
    if (ps_name_len > 0) {
        unsigned int n = (unsigned int)ps_name_len;
        hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &n, ps_name);
    }
}

typedef struct { char *data; size_t length, capacity; } outline_buffer;

static void outline_printf(outline_buffer *b, const char *format, ...) {
    char line[160];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(line, sizeof line, format, args);
    va_end(args);
    if (n <= 0) return;
    if (b->length + (size_t)n + 1 > b->capacity) {
        b->capacity = (b->capacity + (size_t)n + 1) * 2;
        b->data = realloc(b->data, b->capacity);
    }
    memcpy(b->data + b->length, line, (size_t)n);
    b->length += (size_t)n;
}

static void outline_move(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float x, float y, void *u) {
    outline_printf(d, "%.1f %.1f m\n", x, y);
}
static void outline_line(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float x, float y, void *u) {
    outline_printf(d, "%.1f %.1f l\n", x, y);
}
static void outline_quad(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float cx, float cy, float x, float y, void *u) {
    float x0 = st->current_x, y0 = st->current_y;
    outline_printf(d, "%.1f %.1f %.1f %.1f %.1f %.1f c\n", x0 + 2.f / 3.f * (cx - x0), y0 + 2.f / 3.f * (cy - y0),
                   x + 2.f / 3.f * (cx - x), y + 2.f / 3.f * (cy - y), x, y);
}
static void outline_cubic(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, float c1x, float c1y, float c2x, float c2y,
                          float x, float y, void *u) {
    outline_printf(d, "%.1f %.1f %.1f %.1f %.1f %.1f c\n", c1x, c1y, c2x, c2y, x, y);
}
static void outline_close(hb_draw_funcs_t *f, void *d, hb_draw_state_t *st, void *u) { outline_printf(d, "h\n"); }

char *saraban_glyph_outline(PangoFont *font, uint32_t glyph, unsigned long *out_length) {
    hb_font_t *hb = font ? pango_font_get_hb_font(font) : NULL;
    if (!hb) return NULL;
    hb_font_t *unscaled = hb_font_create(hb_font_get_face(hb));
    hb_draw_funcs_t *funcs = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(funcs, outline_move, NULL, NULL);
    hb_draw_funcs_set_line_to_func(funcs, outline_line, NULL, NULL);
    hb_draw_funcs_set_quadratic_to_func(funcs, outline_quad, NULL, NULL);
    hb_draw_funcs_set_cubic_to_func(funcs, outline_cubic, NULL, NULL);
    hb_draw_funcs_set_close_path_func(funcs, outline_close, NULL, NULL);
    outline_buffer b = { NULL, 0, 0 };
    hb_font_get_glyph_shape(unscaled, glyph, funcs, &b);
    hb_draw_funcs_destroy(funcs);
    hb_font_destroy(unscaled);
    *out_length = b.length;
    return b.data;
}

unsigned long saraban_crc32(unsigned long crc, const unsigned char *data, unsigned long length) {
    return crc32(crc, data, (uInt)length);
}

void saraban_keep_freed_memory(void) {
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

/* SHA-256's round constants (both compression functions below). */
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define SHA_ROTR(x, n) ((x) >> (n) | (x) << (32 - (n)))

/* One round: `d` and `h` take the new values, the other six are renamed by the caller's order
   of arguments (eight rounds in a row bring every name back to its place). */
#define SHA_ROUND(a, b, c, d, e, f, g, h, i) do { \
        uint32_t t1 = h + (SHA_ROTR(e, 6) ^ SHA_ROTR(e, 11) ^ SHA_ROTR(e, 25)) + (g ^ (e & (f ^ g))) + sha256_k[i] + w[i]; \
        uint32_t t2 = (SHA_ROTR(a, 2) ^ SHA_ROTR(a, 13) ^ SHA_ROTR(a, 22)) + ((a & b) | (c & (a | b))); \
        d += t1; \
        h = t1 + t2; \
    } while (0)

/* SHA-256's compression function in plain C, for processors without the SHA extensions (and
   valgrind, which hides them): the whole schedule first, then the rounds eight at a time so
   that the state stays in registers. The same interface as saraban_sha256_blocks; it always
   succeeds. */
void saraban_sha256_portable(uint32_t state[8], const unsigned char *data, unsigned long blocks) {
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    while (blocks--) {
        uint32_t w[64];
        for (int i = 0; i < 16; i++) {
            const unsigned char *p = data + 4 * i;
            w[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
        }
        for (int i = 16; i < 64; i++) {
            uint32_t x = w[i - 15];
            uint32_t y = w[i - 2];
            uint32_t s0 = SHA_ROTR(x, 7) ^ SHA_ROTR(x, 18) ^ (x >> 3);
            uint32_t s1 = SHA_ROTR(y, 17) ^ SHA_ROTR(y, 19) ^ (y >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint32_t a0 = a, b0 = b, c0 = c, d0 = d, e0 = e, f0 = f, g0 = g, h0 = h;
        for (int i = 0; i < 64; i += 8) {
            SHA_ROUND(a, b, c, d, e, f, g, h, i);
            SHA_ROUND(h, a, b, c, d, e, f, g, i + 1);
            SHA_ROUND(g, h, a, b, c, d, e, f, i + 2);
            SHA_ROUND(f, g, h, a, b, c, d, e, i + 3);
            SHA_ROUND(e, f, g, h, a, b, c, d, i + 4);
            SHA_ROUND(d, e, f, g, h, a, b, c, i + 5);
            SHA_ROUND(c, d, e, f, g, h, a, b, i + 6);
            SHA_ROUND(b, c, d, e, f, g, h, a, i + 7);
        }
        a += a0;
        b += b0;
        c += c0;
        d += d0;
        e += e0;
        f += f0;
        g += g0;
        h += h0;
        data += 64;
    }
    state[0] = a;
    state[1] = b;
    state[2] = c;
    state[3] = d;
    state[4] = e;
    state[5] = f;
    state[6] = g;
    state[7] = h;
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

/* SHA-256 with the x86 SHA extensions (four rounds per pair of instructions), when the processor
   has them: the batch hashes every PDF it writes. saraban_sha256_blocks returns 0 when it cannot,
   and the caller runs its portable code. `state` is the eight words a..h; `data` holds `blocks`
   64-byte blocks. */
__attribute__((target("sha,sse4.1,ssse3")))
static void sha256_ni(uint32_t state[8], const unsigned char *data, unsigned long blocks) {
    const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i t = _mm_loadu_si128((const __m128i *)&state[0]);       /* a b c d */
    __m128i s1 = _mm_loadu_si128((const __m128i *)&state[4]);      /* e f g h */
    t = _mm_shuffle_epi32(t, 0xB1);
    s1 = _mm_shuffle_epi32(s1, 0x1B);
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                        /* a b e f */
    s1 = _mm_blend_epi16(s1, t, 0xF0);                             /* c d g h */
    while (blocks--) {
        __m128i abef = s0, cdgh = s1, w[4];
        for (int i = 0; i < 16; i++) {
            __m128i m;
            if (i < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), swap);
            } else {
                m = _mm_sha256msg1_epu32(w[(i - 4) & 3], w[(i - 3) & 3]);
                m = _mm_add_epi32(m, _mm_alignr_epi8(w[(i - 1) & 3], w[(i - 2) & 3], 4));
                m = _mm_sha256msg2_epu32(m, w[(i - 1) & 3]);
            }
            w[i & 3] = m;
            __m128i k = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&sha256_k[4 * i]));
            s1 = _mm_sha256rnds2_epu32(s1, s0, k);
            s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(k, 0x0E));
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
        data += 64;
    }
    t = _mm_shuffle_epi32(s0, 0x1B);
    s1 = _mm_shuffle_epi32(s1, 0xB1);
    s0 = _mm_blend_epi16(t, s1, 0xF0);
    s1 = _mm_alignr_epi8(s1, t, 8);
    _mm_storeu_si128((__m128i *)&state[0], s0);
    _mm_storeu_si128((__m128i *)&state[4], s1);
}

int saraban_sha256_blocks(uint32_t state[8], const unsigned char *data, unsigned long blocks) {
    static int known = -1; /* asked once; every thread finds the same answer */
    int has = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (has < 0) {
        unsigned a, b, c, d;
        int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
        int sse41 = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 19)) && (c & (1u << 9));
        has = sha && sse41;
        __atomic_store_n(&known, has, __ATOMIC_RELAXED);
    }
    if (!has) return 0;
    sha256_ni(state, data, blocks);
    return 1;
}
#else
int saraban_sha256_blocks(uint32_t state[8], const unsigned char *data, unsigned long blocks) {
    (void)state; (void)data; (void)blocks;
    return 0;
}
#endif
