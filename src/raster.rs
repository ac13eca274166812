//! SVG figures as PNG images, for the Word document.
//!
//! In: SVG text (the report's figures) and a pixel density. Out: PNG bytes and
//! the image's size in CSS pixels (the SVG's own size). Text is laid out with
//! the machine's fonts (fontdb's system font folders), the sans-serif family
//! chosen by name in a fixed order of preference, so one machine always
//! produces the same bytes. This is the only place the fonts are read.

use anyhow::{anyhow, Context};
use resvg::{tiny_skia, usvg};

/// Sans-serif families in order of preference (metric-compatible with Arial
/// first, as the HTML stylesheet).
const SANS: [&str; 4] = ["Liberation Sans", "Arial", "Helvetica", "DejaVu Sans"];

/// A rasteriser with the system's fonts loaded once.
pub struct Raster {
    options: usvg::Options<'static>,
}

/// A PNG and the size of the SVG it was drawn from (CSS pixels).
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

impl Raster {
    /// Load the system fonts (a few milliseconds; reads font folders only).
    pub fn new() -> Self {
        let mut options = usvg::Options::default();
        let db = options.fontdb_mut();
        db.load_system_fonts();
        let family = SANS.iter().find(|want| {
            db.faces()
                .any(|f| f.families.iter().any(|(name, _)| name == *want))
        });
        if let Some(family) = family {
            db.set_sans_serif_family(*family);
            options.font_family = (*family).to_string();
        }
        Raster { options }
    }

    /// Whether any font was found: without one, the figures' text is left out.
    pub fn has_fonts(&self) -> bool {
        !self.options.fontdb.is_empty()
    }

    /// `svg` drawn at `scale` device pixels per CSS pixel.
    pub fn png(&self, svg: &str, scale: f32) -> anyhow::Result<Png> {
        let tree =
            usvg::Tree::from_str(svg, &self.options).context("cannot read the figure's SVG")?;
        let size = tree.size().to_int_size();
        let (w, h) = (size.width(), size.height());
        let px = |v: u32| (v as f32 * scale).ceil() as u32;
        let mut pixmap = tiny_skia::Pixmap::new(px(w), px(h))
            .ok_or_else(|| anyhow!("the figure is empty or too large ({w}×{h})"))?;
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let bytes = pixmap
            .encode_png()
            .context("cannot encode the figure as PNG")?;
        Ok(Png {
            bytes,
            width: w,
            height: h,
        })
    }
}

impl Default for Raster {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_becomes_the_same_png_twice() {
        let svg = r##"<svg width="40" height="20" viewBox="0 0 40 20" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="20" height="20" fill="#1F60A0"/><text x="22" y="14" font-family="sans-serif" font-size="12">ab</text></svg>"##;
        let r = Raster::new();
        let a = r.png(svg, 2.0).unwrap();
        assert_eq!((a.width, a.height), (40, 20));
        assert!(a.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(a.bytes, r.png(svg, 2.0).unwrap().bytes);
        assert!(r.png("<svg", 1.0).is_err());
    }
}
