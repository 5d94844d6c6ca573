//! Which rows of a virtualised list are in the DOM (`features::inbox::virtual_list`): the
//! rows in view plus [`OVERSCAN`] on each side, never more than [`MAX_MOUNTED`]; a list of at
//! most [`MOUNT_WHOLE`] rows is mounted whole (cheap, and the browser's find-in-page sees
//! every row). Rows have a fixed height, so the window follows from the scroll offset and the
//! viewport's height alone.

/// Height of one row in CSS pixels (`.sb-vlist__row` in style/app.css says the same).
pub const ROW_HEIGHT: f64 = 76.0;
/// Most rows in the DOM at any time (issue 9: ≤ 60 rows mounted).
pub const MAX_MOUNTED: u32 = 60;
/// A list this long or shorter is mounted whole.
pub const MOUNT_WHOLE: u32 = 40;
/// Rows mounted above and below the visible ones (bench/baseline.js uses the same).
pub const OVERSCAN: u32 = 6;

/// Which rows beyond those in view a window holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mount {
    /// Only the rows in view: the first screen, before its first paint. Each row costs about
    /// 2 ms of the start to build, lay out and paint (session 16: 8 rows instead of 17 started
    /// ~18 ms sooner), and no other row can be seen before that paint; the rest follow it.
    InView,
    /// The rows in view, [`OVERSCAN`] on each side, or a short list whole.
    WithOverscan,
}

/// Rows `[start, end)` to mount for this scroll offset and viewport height (CSS pixels) in a
/// list of `total` rows.
pub fn window(scroll_top: f64, viewport: f64, total: u32, mount: Mount) -> (u32, u32) {
    let first = (scroll_top.max(0.0) / ROW_HEIGHT).floor() as u32;
    let visible = (viewport.max(ROW_HEIGHT) / ROW_HEIGHT).ceil() as u32 + 1;
    if mount == Mount::InView {
        let start = first.min(total);
        return (start, (first + visible).min(total).min(start + MAX_MOUNTED));
    }
    if total <= MOUNT_WHOLE {
        return (0, total);
    }
    let start = first.min(total).saturating_sub(OVERSCAN);
    let end = (first + visible + OVERSCAN)
        .min(total)
        .min(start + MAX_MOUNTED);
    (start, end.max(start))
}
