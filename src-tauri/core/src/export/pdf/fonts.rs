//! The two typefaces embedded in the binary (DejaVu Sans and DejaVu Sans Bold; licence in
//! `assets/fonts/LICENSE-DejaVu.txt`), and how wide a piece of text is in them.
//!
//! One character is one glyph: no shaping, kerning or ligatures, so that what is measured is
//! exactly what is drawn. A character the font lacks is drawn as its `.notdef` box.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider};

use crate::error::{Error, Result};

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Both embedded faces, parsed once per document.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// Parses the embedded fonts. They are part of the binary, so this fails only if the build
    /// shipped a broken font file.
    pub fn embedded() -> Result<Self> {
        Ok(Self {
            regular: Face::parse(REGULAR, "DejaVuSans.ttf")?,
            bold: Face::parse(BOLD, "DejaVuSans-Bold.ttf")?,
        })
    }

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, weight: Weight, text: &str, size: f32) -> f32 {
        self.face(weight).width(text, size)
    }
}

/// One face: the font krilla embeds and the tables skrifa measures with.
pub struct Face {
    pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
}

impl Face {
    fn parse(bytes: &'static [u8], name: &str) -> Result<Self> {
        let broken = |why: &str| Error::Storage {
            message: format!("The PDF could not be made: the embedded font {name} {why}."),
        };
        let font = FontRef::new(bytes).map_err(|_| broken("could not be read"))?;
        let units_per_em = f32::from(
            font.head()
                .map_err(|_| broken("has no header"))?
                .units_per_em(),
        );
        if units_per_em <= 0.0 {
            return Err(broken("has no size"));
        }
        let pdf =
            Font::new(bytes.into(), 0).ok_or_else(|| broken("was rejected by the PDF writer"))?;
        Ok(Self {
            pdf,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
        })
    }

    pub fn pdf_font(&self) -> Font {
        self.pdf.clone()
    }

    /// The glyph for `c` and its advance as a fraction of the em.
    fn glyph(&self, c: char) -> (GlyphId, f32) {
        let id = self.charmap.map(c).unwrap_or(skrifa::GlyphId::NOTDEF);
        let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
        (GlyphId::new(id.to_u32()), advance)
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size
    }

    /// The glyphs that draw `text`, each tied to the bytes of its character (so the text can be
    /// copied and searched in the PDF).
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, c)| {
                let (id, advance) = self.glyph(c);
                KrillaGlyph::new(id, advance, 0.0, 0.0, 0.0, at..at + c.len_utf8(), None)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_fonts_parse_and_measure() {
        let fonts = Fonts::embedded();
        assert!(fonts.is_ok(), "embedded fonts must parse");
        if let Ok(fonts) = fonts {
            let regular = fonts.width(Weight::Regular, "Calibration", 10.0);
            let bold = fonts.width(Weight::Bold, "Calibration", 10.0);
            assert!(regular > 40.0 && regular < 80.0, "{regular}");
            assert!(bold > regular, "{bold} vs {regular}");
            assert_eq!(fonts.face(Weight::Regular).glyphs("a😀\0").len(), 3);
        }
    }
}
