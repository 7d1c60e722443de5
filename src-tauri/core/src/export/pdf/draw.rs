//! Laid-out pages drawn into a PDF with krilla: fonts embedded (subset), a title in the
//! metadata, and nothing that changes between runs (no dates, ids derived from the content).

use krilla::color::rgb;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::Document;

use super::fonts::Fonts;
use super::layout::{Page, PAGE_HEIGHT, PAGE_WIDTH};
use crate::error::{Error, Result};

/// The PDF file for `pages`.
pub fn draw(pages: &[Page], fonts: &Fonts, title: &str) -> Result<Vec<u8>> {
    let failed = |why: String| Error::Storage {
        message: format!("The PDF could not be made: {why}"),
    };
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language("en".to_owned())
            .creator("Trellis".to_owned()),
    );
    for page in pages {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
            .ok_or_else(|| failed("the page size was rejected.".to_owned()))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in page.items.iter().filter(|i| !i.text.is_empty()) {
            let (r, g, b) = item.style.rgb();
            surface.set_fill(Some(Fill {
                paint: rgb::Color::new(r, g, b).into(),
                ..Fill::default()
            }));
            let face = fonts.face(item.weight);
            surface.draw_glyphs(
                Point::from_xy(item.x, item.baseline),
                &face.glyphs(&item.text),
                face.pdf_font(),
                &item.text,
                item.style.size(),
                false,
            );
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish().map_err(|e| failed(format!("{e}.")))
}
