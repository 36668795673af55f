#include "cshims.h"
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <string.h>
#include <stdlib.h>
#include <zlib.h>
#include <hb.h>

void saraban_object_unref(void *object) { if (object) g_object_unref(object); }
void saraban_object_ref(void *object) { if (object) g_object_ref(object); }

int saraban_register_font_dir(const char *dir) {
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

void *saraban_svg_load(const char *path, char *error, int error_len) {
    GError *err = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_file(path, &err);
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

unsigned char *saraban_inflate(const unsigned char *data, unsigned long length, unsigned long *out_length) {
    z_stream z; memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) return NULL;
    unsigned long cap = length * 4 + 1024, used = 0;
    unsigned char *out = malloc(cap);
    z.next_in = (unsigned char *)data; z.avail_in = (uInt)length;
    int rc;
    do {
        if (used == cap) { cap *= 2; out = realloc(out, cap); }
        z.next_out = out + used; z.avail_out = (uInt)(cap - used);
        rc = inflate(&z, Z_NO_FLUSH);
        used = cap - z.avail_out;
    } while (rc == Z_OK);
    inflateEnd(&z);
    if (rc != Z_STREAM_END) { free(out); return NULL; }
    *out_length = used;
    return out;
}

unsigned char *saraban_deflate(const unsigned char *data, unsigned long length, unsigned long *out_length) {
    uLongf cap = compressBound(length);
    unsigned char *out = malloc(cap);
    if (compress2(out, &cap, data, length, Z_DEFAULT_COMPRESSION) != Z_OK) { free(out); return NULL; }
    *out_length = cap;
    return out;
}

void saraban_free(void *p) { free(p); }
