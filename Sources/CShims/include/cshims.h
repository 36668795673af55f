#ifndef SARABAN_CSHIMS_H
#define SARABAN_CSHIMS_H
#include <stddef.h>
#include <stdint.h>

// The few C helpers Swift cannot call cleanly: GObject casts, fontconfig app fonts, librsvg.
typedef struct _PangoFont PangoFont;
typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

/// Drops one GObject reference (Swift sees GObjects as OpaquePointer).
void saraban_object_unref(void *object);
/// Adds one GObject reference.
void saraban_object_ref(void *object);
/// Starts reading fontconfig's configuration and system fonts, then Pango's Thai dictionary, on a
/// thread of their own, so that a command's start-up overlaps them (once; later calls do nothing).
void saraban_start_loading(void);
/// Registers every font file under `dir` with fontconfig's current configuration (after the
/// configuration saraban_start_loading reads, when it was started). Returns 1 on success.
int saraban_register_font_dir(const char *dir);
/// Path of the font file behind a Pango font, or NULL (the string belongs to the font).
const char *saraban_font_file(PangoFont *font);
/// The font's own glyph for a character (its cmap), or 0.
uint32_t saraban_nominal_glyph(PangoFont *font, uint32_t codepoint);
/// Whether the font's character map covers `codepoint`.
int saraban_font_has_char(PangoFont *font, uint32_t codepoint);
/// Loads an SVG from its bytes (no base file: it can load nothing else); returns an opaque handle
/// or NULL with `error` set (free with saraban_svg_free).
void *saraban_svg_load_data(const unsigned char *data, size_t length, char *error, int error_len);
/// Decodes a PNG from its bytes; the surface's status tells whether it worked.
cairo_surface_t *saraban_png_load_data(const unsigned char *data, size_t length);
/// Natural size of an SVG in its own units (px = pt here).
void saraban_svg_size(void *handle, double *width, double *height);
/// Draws the SVG scaled into the rectangle.
int saraban_svg_render(void *handle, cairo_t *cr, double x, double y, double width, double height);
void saraban_svg_free(void *handle);
void saraban_free(void *p);
/// The font file's own tables cut down to `glyphs` (glyph ids kept, hinting and layout tables
/// dropped), for embedding in a PDF; malloc'd (free with saraban_free) or NULL.
unsigned char *saraban_font_subset(PangoFont *font, const uint32_t *glyphs, int count, unsigned long *out_length);
/// A TrueType program (`font`, e.g. a subset) with `count` glyphs added after its own: glyph k
/// draws glyph components[k] unchanged (a composite; 0xFFFFFFFF for a blank glyph) with advance
/// advances[k] in font units. Sets the first added glyph's id; malloc'd (free with saraban_free),
/// or NULL for a font without glyf outlines or with malformed tables.
unsigned char *saraban_sfnt_add_glyphs(const unsigned char *font, unsigned long length, const uint32_t *components,
                                       const uint16_t *advances, int count, uint32_t *first_glyph,
                                       unsigned long *out_length);
/// Design metrics of the font file: units per em, bounding box (xMin yMin xMax yMax), ascender,
/// descender, whether its outlines are CFF, and its PostScript name (NUL-terminated, may be empty).
void saraban_font_info(PangoFont *font, int *upem, int *bbox, int *ascender, int *descender, int *is_cff,
                       char *ps_name, int ps_name_len);
/// The font file's advance of each glyph in font units (hmtx); fills up to `count`, returns the glyph count.
int saraban_glyph_advances(PangoFont *font, int32_t *advances, int count);
/// zlib inflate, at most `limit` bytes out; malloc'd (free with saraban_free) or NULL.
unsigned char *saraban_inflate(const unsigned char *data, unsigned long length, unsigned long limit, unsigned long *out_length);
/// Deflate in zlib's format (libdeflate) at a given level (1 fastest .. 12 smallest); NULL on failure.
unsigned char *saraban_deflate_level(const unsigned char *data, unsigned long length, int level, unsigned long *out_length);
/// A glyph's outline in font units as PDF path operators (m l c h), malloc'd, or NULL when empty.
char *saraban_glyph_outline(PangoFont *font, uint32_t glyph, unsigned long *out_length);
/// zlib's CRC-32 of a buffer, continuing from `crc` (0 to start).
unsigned long saraban_crc32(unsigned long crc, const unsigned char *data, unsigned long length);
/// Keeps freed memory in the process (glibc: trim at 256 MiB, mmap only above 32 MiB) so that
/// a long batch does not fault the same pages in again for every document.
void saraban_keep_freed_memory(void);
/// SHA-256's compression function over `blocks` 64-byte blocks in plain C (any processor).
void saraban_sha256_portable(uint32_t state[8], const unsigned char *data, unsigned long blocks);
/// SHA-256's compression function over `blocks` 64-byte blocks with the processor's SHA
/// instructions; 0 (nothing done) when it has none.
int saraban_sha256_blocks(uint32_t state[8], const unsigned char *data, unsigned long blocks);
#endif
