/* Glyphs added to a TrueType font program (a subset HarfBuzz cut): composite glyphs that draw
   another glyph unchanged with an advance of their own, and blank glyphs. A PDF declares each
   glyph's width as its program has it, so a glyph that must take up more room than its outline's
   own advance (a justified cluster) needs a glyph of its own in the program. */
#include "cshims.h"
#include <stdlib.h>
#include <string.h>

typedef struct { uint32_t tag; const uint8_t *data; uint32_t length; } sfnt_table;

static uint32_t rd32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static void wr32(uint8_t *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static void wr16(uint8_t *p, uint16_t v) { p[0] = v >> 8; p[1] = v; }
static uint32_t tag4(const char *s) { return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | (uint8_t)s[3]; }

/* The font's tables; 0 when the directory does not fit in the data. */
static int read_tables(const uint8_t *font, unsigned long length, sfnt_table *tables, int max) {
    if (length < 12) return 0;
    int n = rd16(font + 4);
    if (n > max || 12 + 16UL * n > length) return 0;
    for (int i = 0; i < n; i++) {
        const uint8_t *r = font + 12 + 16 * i;
        uint32_t offset = rd32(r + 8), size = rd32(r + 12);
        if (offset > length || size > length - offset) return 0;
        tables[i] = (sfnt_table){ rd32(r), font + offset, size };
    }
    return n;
}

static const sfnt_table *find(const sfnt_table *t, int n, const char *tag) {
    for (int i = 0; i < n; i++) if (t[i].tag == tag4(tag)) return &t[i];
    return NULL;
}

/* Offset of glyph g's data in glyf (loca short or long). */
static uint32_t loca_at(const sfnt_table *loca, int long_format, int g) {
    return long_format ? rd32(loca->data + 4 * g) : 2u * rd16(loca->data + 2 * g);
}

static uint32_t checksum(const uint8_t *p, uint32_t length) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i < length; i += 4) {
        uint8_t b[4] = { 0, 0, 0, 0 };
        memcpy(b, p + i, length - i < 4 ? length - i : 4);
        sum += rd32(b);
    }
    return sum;
}

typedef struct { uint32_t tag; uint8_t *data; uint32_t length; int owned; } out_table;

/* Writes the tables (sorted by tag) as one font file, with checksums and head's adjustment. */
static unsigned char *assemble(out_table *t, int n, unsigned long *out_length) {
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && t[j - 1].tag > t[j].tag; j--) { out_table x = t[j]; t[j] = t[j - 1]; t[j - 1] = x; }
    unsigned long size = 12 + 16UL * n;
    for (int i = 0; i < n; i++) size += (t[i].length + 3) & ~3u;
    uint8_t *out = calloc(1, size);
    if (!out) return NULL;
    int power = 1, log2 = 0;
    while (power * 2 <= n) { power *= 2; log2++; }
    wr32(out, 0x00010000); wr16(out + 4, n); wr16(out + 6, power * 16); wr16(out + 8, log2); wr16(out + 10, n * 16 - power * 16);
    uint32_t at = 12 + 16 * n, head_at = 0;
    for (int i = 0; i < n; i++) {
        uint8_t *r = out + 12 + 16 * i;
        memcpy(out + at, t[i].data, t[i].length);
        if (t[i].tag == tag4("head") && t[i].length >= 12) { head_at = at; wr32(out + at + 8, 0); }
        wr32(r, t[i].tag); wr32(r + 4, checksum(out + at, t[i].length)); wr32(r + 8, at); wr32(r + 12, t[i].length);
        at += (t[i].length + 3) & ~3u;
    }
    if (head_at) wr32(out + head_at + 8, 0xB1B0AFBAu - checksum(out, (uint32_t)size));
    *out_length = size;
    return out;
}

/* Rewrites a long loca as a short one (half the bytes) when every offset is even and small enough. */
static int shorten_loca(out_table *loca, int glyphs) {
    for (int i = 0; i <= glyphs; i++) {
        uint32_t v = rd32(loca->data + 4 * i);
        if (v & 1 || v > 0x1FFFE) return 0;
    }
    for (int i = 0; i <= glyphs; i++) wr16(loca->data + 2 * i, rd32(loca->data + 4 * i) / 2);
    loca->length = 2 * (glyphs + 1);
    return 1;
}

/* glyf, loca (short when it can be), hmtx with one advance per glyph, and the counts in head, hhea and maxp, for
   the font's glyphs followed by the added ones. Returns 0 when a table is missing or malformed. */
static int add_glyphs(const sfnt_table *t, int n, const uint32_t *components, const uint16_t *advances, int count,
                      out_table *glyf, out_table *loca, out_table *hmtx, uint8_t *head, uint8_t *hhea, uint8_t *maxp,
                      uint32_t *first) {
    const sfnt_table *g = find(t, n, "glyf"), *l = find(t, n, "loca"), *h = find(t, n, "hmtx");
    int glyphs = rd16(maxp + 4), metrics = rd16(hhea + 34), long_format = (int16_t)rd16(head + 50) != 0;
    if (!g || !l || !h || metrics < 1 || metrics > glyphs || h->length < 4u * metrics + 2u * (glyphs - metrics)) return 0;
    if (l->length < (uint32_t)(glyphs + 1) * (long_format ? 4 : 2)) return 0;
    int total = glyphs + count;
    if (total > 0xFFFF) return 0;
    uint32_t base = (g->length + 3) & ~3u;
    glyf->data = calloc(1, base + 16UL * count + 4);
    loca->data = malloc(4UL * (total + 1));
    hmtx->data = malloc(4UL * total);
    if (!glyf->data || !loca->data || !hmtx->data) return 0;
    memcpy(glyf->data, g->data, g->length);
    for (int i = 0; i <= glyphs; i++) wr32(loca->data + 4 * i, loca_at(l, long_format, i));
    for (int i = 0; i < glyphs; i++) {
        int m = i < metrics ? i : metrics - 1;
        wr16(hmtx->data + 4 * i, rd16(h->data + 4 * m));
        wr16(hmtx->data + 4 * i + 2, i < metrics ? rd16(h->data + 4 * i + 2) : rd16(h->data + 4 * metrics + 2 * (i - metrics)));
    }
    uint32_t at = base;
    uint16_t widest = rd16(hhea + 10);
    for (int k = 0; k < count; k++) {
        int gid = glyphs + k;
        wr32(loca->data + 4 * gid, at);
        uint32_t c = components[k];
        uint16_t lsb = 0;
        uint32_t from = c < (uint32_t)glyphs ? loca_at(l, long_format, c) : 0;
        uint32_t to = c < (uint32_t)glyphs ? loca_at(l, long_format, c + 1) : 0;
        if (to >= from + 10 && to <= g->length) {
            uint8_t *p = glyf->data + at;
            wr16(p, 0xFFFF);                             /* numberOfContours -1: a composite */
            memcpy(p + 2, g->data + from + 2, 8);        /* the component's box */
            wr16(p + 10, 0x0002);                        /* ARGS_ARE_XY_VALUES, byte offsets 0 0 */
            wr16(p + 12, (uint16_t)c);
            at += 16;
            lsb = rd16(hmtx->data + 4 * c + 2);
        }
        wr16(hmtx->data + 4 * gid, advances[k]);
        wr16(hmtx->data + 4 * gid + 2, lsb);
        if (advances[k] > widest) widest = advances[k];
    }
    wr32(loca->data + 4 * total, at);
    glyf->length = at; loca->length = 4 * (total + 1); hmtx->length = 4 * total;
    wr16(head + 50, shorten_loca(loca, total) ? 0 : 1);
    wr16(hhea + 10, widest); wr16(hhea + 34, total);
    wr16(maxp + 4, total);
    /* Composite limits: at least one component, one level deeper than before. */
    if (rd16(maxp + 28) < 1) wr16(maxp + 28, 1);
    wr16(maxp + 30, rd16(maxp + 30) + 1);
    if (rd16(maxp + 10) < rd16(maxp + 6)) wr16(maxp + 10, rd16(maxp + 6));
    if (rd16(maxp + 12) < rd16(maxp + 8)) wr16(maxp + 12, rd16(maxp + 8));
    *first = glyphs;
    return 1;
}

unsigned char *saraban_sfnt_add_glyphs(const unsigned char *font, unsigned long length, const uint32_t *components,
                                       const uint16_t *advances, int count, uint32_t *first_glyph,
                                       unsigned long *out_length) {
    sfnt_table in[64];
    int n = read_tables(font, length, in, 64);
    const sfnt_table *head = find(in, n, "head"), *hhea = find(in, n, "hhea"), *maxp = find(in, n, "maxp");
    if (!head || head->length < 54 || !hhea || hhea->length < 36 || !maxp || maxp->length < 32) return NULL;
    out_table out[64];
    int m = 0;
    uint8_t head2[64], hhea2[64], maxp2[64];
    memcpy(head2, head->data, 54); memcpy(hhea2, hhea->data, 36);
    memcpy(maxp2, maxp->data, 32);
    out_table glyf = { tag4("glyf"), NULL, 0, 1 }, loca = { tag4("loca"), NULL, 0, 1 }, hmtx = { tag4("hmtx"), NULL, 0, 1 };
    unsigned char *result = NULL;
    if (add_glyphs(in, n, components, advances, count, &glyf, &loca, &hmtx, head2, hhea2, maxp2, first_glyph)) {
        const char *kept[] = { "cmap", "OS/2", "cvt ", "fpgm", "prep" };
        for (unsigned i = 0; i < sizeof kept / sizeof *kept; i++) {
            const sfnt_table *k = find(in, n, kept[i]);
            if (k) out[m++] = (out_table){ k->tag, (uint8_t *)k->data, k->length, 0 };
        }
        out[m++] = (out_table){ tag4("head"), head2, 54, 0 };
        out[m++] = (out_table){ tag4("hhea"), hhea2, 36, 0 };
        out[m++] = (out_table){ tag4("maxp"), maxp2, 32, 0 };
        out[m++] = glyf; out[m++] = loca; out[m++] = hmtx;
        result = assemble(out, m, out_length);
    }
    free(glyf.data); free(loca.data); free(hmtx.data);
    return result;
}
