//! Documents as pages: converting .docx to PDF with LibreOffice, and reading the PDF back with
//! poppler as text (pdftotext) and as grey images (pdftoppm).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether `tool` runs here.
pub fn installed(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Converts every document of `docs` (.docx, .xlsx) to PDF in `dir` with one LibreOffice run of
/// its own profile.
pub fn to_pdf(dir: &Path, docs: &[PathBuf]) -> Vec<PathBuf> {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let out = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .args(docs)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    docs.iter()
        .map(|d| dir.join(d.file_stem().unwrap()).with_extension("pdf"))
        .collect()
}

pub fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count for {}", pdf.display()))
}

/// Each page's size in points (width, height).
pub fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
    let n = pages(pdf).to_string();
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", &n])
        .arg(pdf)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let nums: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (nums[1], nums[2])
        })
        .collect()
}

/// The text of page `n` as laid out (one line of the page a line).
pub fn page_text(pdf: &Path, n: usize) -> String {
    let n = n.to_string();
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Text without white space: pdftotext puts spaces where Chinese meets a digit.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A page drawn in grey at 40 dpi: width, height and one byte a pixel.
pub struct Image {
    pub w: usize,
    pub h: usize,
    pub px: Vec<u8>,
}

/// Every page of `pdf` as an image (pdftoppm's PGM).
pub fn images(pdf: &Path, dir: &Path) -> Vec<Image> {
    let stem = dir.join(format!(
        "{}-img",
        pdf.file_stem().unwrap().to_string_lossy()
    ));
    let out = Command::new("pdftoppm")
        .args(["-gray", "-r", "40"])
        .arg(pdf)
        .arg(&stem)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let prefix = stem.file_name().unwrap().to_string_lossy().into_owned();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{prefix}-")) && name.ends_with(".pgm")
        })
        .collect();
    files.sort_by_key(|p| {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        name.rsplit('-').next().unwrap().parse::<usize>().unwrap()
    });
    files
        .iter()
        .map(|f| pgm(&std::fs::read(f).unwrap()))
        .collect()
}

/// A binary PGM (P5, 8 bits).
pub fn pgm(bytes: &[u8]) -> Image {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = bytes[at + 1..].to_vec();
    assert_eq!(px.len(), w * h);
    Image { w, h, px }
}

impl Image {
    /// Pixels darker than light grey within the rectangle of millimetres x0..x1, y0..y1.
    pub fn ink(&self, (x0, x1): (f64, f64), (y0, y1): (f64, f64)) -> Vec<(usize, usize)> {
        let mm = self.w as f64 / 210.0;
        let clamp = |v: f64, max: usize| ((v * mm).round().max(0.0) as usize).min(max);
        let mut out = Vec::new();
        for y in clamp(y0, self.h)..clamp(y1, self.h) {
            for x in clamp(x0, self.w)..clamp(x1, self.w) {
                if self.px[y * self.w + x] < 200 {
                    out.push((x, y));
                }
            }
        }
        out
    }
}
