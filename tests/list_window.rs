//! The virtual list's window (domain::list_window): which rows are mounted, one case per rule.

use switchboard::domain::list_window::{window, MAX_MOUNTED, MOUNT_WHOLE, OVERSCAN};

/// (scroll_top, viewport height, total rows) of a list.
type At = (f64, f64, u32);
/// The rows mounted, `[start, end)`.
type Rows = (u32, u32);

#[test]
fn rows_mounted_for_a_scroll_position() {
    let cases: &[(&str, At, Rows)] = &[
        ("empty list", (0.0, 479.0, 0), (0, 0)),
        ("a short list is mounted whole", (0.0, 479.0, 24), (0, 24)),
        (
            "wherever it is scrolled",
            (900.0, 100.0, MOUNT_WHOLE),
            (0, MOUNT_WHOLE),
        ),
        // 479 px show 7 rows and part of an 8th.
        (
            "at the top: visible rows, then the overscan",
            (0.0, 479.0, 10_000),
            (0, 8 + OVERSCAN),
        ),
        (
            "scrolled to row 100: overscan on both sides",
            (7600.0, 479.0, 10_000),
            (100 - OVERSCAN, 108 + OVERSCAN),
        ),
        (
            "near the end: clamped to the list",
            (76.0 * 9_995.0, 479.0, 10_000),
            (9_995 - OVERSCAN, 10_000),
        ),
        (
            "past the end (the list shrank)",
            (76.0 * 20_000.0, 479.0, 10_000),
            (10_000 - OVERSCAN, 10_000),
        ),
        (
            "no height yet counts as one row",
            (0.0, 0.0, 10_000),
            (0, 2 + OVERSCAN),
        ),
        (
            "a huge viewport is capped",
            (0.0, 1.0e6, 10_000),
            (0, MAX_MOUNTED),
        ),
        (
            "elastic overscroll above the top",
            (-50.0, 479.0, 10_000),
            (0, 8 + OVERSCAN),
        ),
        (
            "one row past the whole-list limit is windowed",
            (0.0, 76.0, MOUNT_WHOLE + 1),
            (0, 2 + OVERSCAN),
        ),
    ];
    for &(rule, (scroll_top, viewport, total), expected) in cases {
        assert_eq!(window(scroll_top, viewport, total), expected, "{rule}");
    }
}

#[test]
fn never_more_than_the_limit_nor_outside_the_list() {
    for total in [0, 1, MOUNT_WHOLE, MOUNT_WHOLE + 1, 100, 10_000] {
        for scroll_top in [0.0, 500.0, 76.0 * 50.0, 1.0e7] {
            for viewport in [0.0, 479.0, 2_000.0, 1.0e6] {
                let (start, end) = window(scroll_top, viewport, total);
                assert!(
                    start <= end && end <= total,
                    "{scroll_top} {viewport} {total}"
                );
                assert!(
                    end - start <= MAX_MOUNTED,
                    "{scroll_top} {viewport} {total}"
                );
            }
        }
    }
}
