//! The virtual list's window (domain::list_window): which rows are mounted, one case per rule.

use switchboard::domain::list_window::{window, Mount, MAX_MOUNTED, MOUNT_WHOLE, OVERSCAN};

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
        assert_eq!(
            window(scroll_top, viewport, total, Mount::WithOverscan),
            expected,
            "{rule}"
        );
    }
}

#[test]
fn never_more_than_the_limit_nor_outside_the_list() {
    for total in [0, 1, MOUNT_WHOLE, MOUNT_WHOLE + 1, 100, 10_000] {
        for scroll_top in [0.0, 500.0, 76.0 * 50.0, 1.0e7] {
            for viewport in [0.0, 479.0, 2_000.0, 1.0e6] {
                for mount in [Mount::InView, Mount::WithOverscan] {
                    let (start, end) = window(scroll_top, viewport, total, mount);
                    assert!(
                        start <= end && end <= total,
                        "{scroll_top} {viewport} {total} {mount:?}"
                    );
                    assert!(
                        end - start <= MAX_MOUNTED,
                        "{scroll_top} {viewport} {total} {mount:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_first_screen_mounts_only_the_rows_in_view() {
    let cases: &[(&str, At, Rows)] = &[
        // 479 px show 7 rows and part of an 8th.
        ("at the top of a long list", (0.0, 479.0, 10_000), (0, 8)),
        (
            "a short list: its rows in view, not all",
            (0.0, 479.0, 24),
            (0, 8),
        ),
        ("a list shorter than the view", (0.0, 479.0, 3), (0, 3)),
        (
            "scrolled (a restored position)",
            (7600.0, 479.0, 10_000),
            (100, 108),
        ),
        ("empty list", (0.0, 479.0, 0), (0, 0)),
        (
            "a huge viewport is capped",
            (0.0, 1.0e6, 10_000),
            (0, MAX_MOUNTED),
        ),
    ];
    for &(rule, (scroll_top, viewport, total), expected) in cases {
        assert_eq!(
            window(scroll_top, viewport, total, Mount::InView),
            expected,
            "{rule}"
        );
    }
}

#[test]
fn the_rows_in_view_are_always_among_those_mounted_with_overscan() {
    for total in [0, 1, 8, MOUNT_WHOLE, MOUNT_WHOLE + 1, 10_000] {
        for scroll_top in [0.0, 500.0, 76.0 * 50.0] {
            for viewport in [0.0, 479.0, 2_000.0] {
                let (a, b) = window(scroll_top, viewport, total, Mount::InView);
                let (c, d) = window(scroll_top, viewport, total, Mount::WithOverscan);
                assert!(
                    c <= a && b <= d,
                    "{scroll_top} {viewport} {total}: {a}..{b} not in {c}..{d}"
                );
            }
        }
    }
}
