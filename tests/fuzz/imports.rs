//! The CSV and .xlsx importers on arbitrary bytes and on near-valid tables with mutated cells,
//! each read and checked as every kind of import.

use proptest::prelude::*;

use crate::pipeline::{KINDS, import};
use crate::tables::{csv, quoting, table, xlsx};

fn write(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

proptest! {
    #![proptest_config(crate::config(256))]

    #[test]
    fn any_bytes_as_csv(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let (_dir, path) = write("x.csv", &bytes);
        for kind in KINDS {
            import(&path, kind);
        }
    }

    #[test]
    fn any_text_as_csv(text in any::<String>()) {
        let (_dir, path) = write("x.csv", text.as_bytes());
        for kind in KINDS {
            import(&path, kind);
        }
    }

    #[test]
    fn near_valid_csv(
        (kind, t) in proptest::sample::select(KINDS.to_vec()).prop_flat_map(|k| (Just(k), table(k))),
        q in quoting(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let text = format!("{}{}", if bom { "\u{feff}" } else { "" }, csv(&t, q, crlf));
        let (_dir, path) = write("x.csv", text.as_bytes());
        import(&path, kind);
    }
}

proptest! {
    #![proptest_config(crate::config(64))]

    #[test]
    fn any_bytes_as_xlsx(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let (_dir, path) = write("x.xlsx", &bytes);
        for kind in KINDS {
            import(&path, kind);
        }
    }

    #[test]
    fn near_valid_xlsx(
        (kind, t) in proptest::sample::select(KINDS.to_vec()).prop_flat_map(|k| (Just(k), table(k))),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.xlsx");
        xlsx(&t, &path);
        import(&path, kind);
    }

    #[test]
    fn a_damaged_workbook(
        (kind, t) in proptest::sample::select(KINDS.to_vec()).prop_flat_map(|k| (Just(k), table(k))),
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 1..6),
        cut in proptest::option::of(any::<proptest::sample::Index>()),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.xlsx");
        xlsx(&t, &path);
        let mut bytes = std::fs::read(&path).unwrap();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= b | 1;
        }
        if let Some(at) = cut {
            bytes.truncate(at.index(bytes.len()));
        }
        std::fs::write(&path, &bytes).unwrap();
        import(&path, kind);
    }
}
