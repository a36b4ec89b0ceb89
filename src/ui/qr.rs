//! A QR code drawn with the painter (dark squares on a white field with the standard quiet
//! zone), so that a phone's camera reads it off a projector. Screen readers and tests find it
//! by the text it encodes.

use egui::{Rect, Role, Sense, Ui, Vec2, WidgetInfo};
use qrcode::{Color, QrCode};

use super::theme::{QR_DARK, QR_LIGHT};

/// Modules of white around the code, as the standard asks.
const QUIET_ZONE: usize = 4;

/// Draws `text` as a QR code `side` points wide; nothing (a caption instead) if it cannot be
/// encoded.
pub fn qr_code(ui: &mut Ui, text: &str, side: f32) -> egui::Response {
    let Ok(code) = QrCode::new(text.as_bytes()) else {
        return ui.label(text);
    };
    let width = code.width();
    let colours = code.to_colors();
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, QR_LIGHT);
    let modules = (width + 2 * QUIET_ZONE) as f32;
    let step = side / modules;
    for (index, colour) in colours.iter().enumerate() {
        if *colour != Color::Dark {
            continue;
        }
        let (x, y) = (index % width + QUIET_ZONE, index / width + QUIET_ZONE);
        let min = rect.min + Vec2::new(x as f32 * step, y as f32 * step);
        // A hair wider than the step, so that neighbouring squares leave no seams.
        let square = Rect::from_min_size(min, Vec2::splat(step + 0.5));
        painter.rect_filled(square, 0.0, QR_DARK);
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, text));
    response
}
