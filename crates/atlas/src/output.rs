//! Writing the site safely: into a staging folder beside `--out`, then moved
//! into place. An existing `--out` is replaced only when it is empty or holds
//! our marker file; nothing outside `--out` and the staging folder is touched.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::AtlasError;

/// The file that marks a folder as an atlas written by Peta.
pub const MARKER: &str = ".peta-atlas";

/// A staging folder that becomes `--out` on [`Staging::commit`] and is
/// removed if dropped before that.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Staging {
    /// Checks `out` can be replaced and creates the staging folder beside it.
    pub fn new(out: &Path) -> Result<Staging, AtlasError> {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.is_empty() && *n != "." && *n != "..")
            .ok_or_else(|| AtlasError::BadOutput(out.to_path_buf()))?;
        check_replaceable(out)?;
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| AtlasError::io(&parent, e))?;
        let dir = parent.join(format!(".{name}.peta-tmp-{}", std::process::id()));
        if dir.exists() {
            // a leftover of this very process id: ours by construction
            fs::remove_dir_all(&dir).map_err(|e| AtlasError::io(&dir, e))?;
        }
        fs::create_dir(&dir).map_err(|e| AtlasError::io(&dir, e))?;
        fs::write(dir.join(MARKER), "peta atlas\n")
            .map_err(|e| AtlasError::io(dir.join(MARKER), e))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            committed: false,
        })
    }

    /// The staging folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates (and its folder) a file at `rel` inside the staging folder.
    pub fn create(&self, rel: &str) -> Result<BufWriter<fs::File>, AtlasError> {
        let path = self.dir.join(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(|e| AtlasError::io(p, e))?;
        }
        let f = fs::File::create(&path).map_err(|e| AtlasError::io(&path, e))?;
        Ok(BufWriter::with_capacity(64 * 1024, f))
    }

    /// Writes a whole small file.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), AtlasError> {
        let mut w = self.create(rel)?;
        w.write_all(bytes)
            .map_err(|e| AtlasError::io(self.dir.join(rel), e))?;
        w.flush().map_err(|e| AtlasError::io(self.dir.join(rel), e))
    }

    /// Moves the staging folder to `--out`, replacing a previous atlas.
    pub fn commit(mut self) -> Result<PathBuf, AtlasError> {
        let out = self.out.clone();
        check_replaceable(&out)?;
        if out.exists() {
            let old = self.dir.with_extension("old");
            fs::rename(&out, &old).map_err(|e| AtlasError::io(&out, e))?;
            if let Err(e) = fs::rename(&self.dir, &out) {
                // put the previous atlas back
                let _ = fs::rename(&old, &out);
                return Err(AtlasError::io(&out, e));
            }
            fs::remove_dir_all(&old).map_err(|e| AtlasError::io(&old, e))?;
        } else {
            fs::rename(&self.dir, &out).map_err(|e| AtlasError::io(&out, e))?;
        }
        self.committed = true;
        Ok(out)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// `out` may be replaced when it does not exist, is an empty folder, or
/// holds [`MARKER`].
fn check_replaceable(out: &Path) -> Result<(), AtlasError> {
    match fs::symlink_metadata(out) {
        Err(_) => Ok(()),
        Ok(m) if m.is_dir() => {
            if out.join(MARKER).is_file() {
                return Ok(());
            }
            let mut entries = fs::read_dir(out).map_err(|e| AtlasError::io(out, e))?;
            if entries.next().is_none() {
                Ok(())
            } else {
                Err(AtlasError::NotAnAtlas(out.to_path_buf()))
            }
        }
        Ok(_) => Err(AtlasError::NotAnAtlas(out.to_path_buf())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_foreign_folders_and_replaces_own() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("precious.txt"), "keep").unwrap();
        assert!(matches!(Staging::new(&out), Err(AtlasError::NotAnAtlas(_))));
        assert_eq!(
            fs::read_to_string(out.join("precious.txt")).unwrap(),
            "keep"
        );

        let out2 = tmp.path().join("atlas");
        let s = Staging::new(&out2).unwrap();
        s.write("index.html", b"one").unwrap();
        s.commit().unwrap();
        assert!(out2.join(MARKER).is_file());
        let s = Staging::new(&out2).unwrap();
        s.write("index.html", b"two").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read_to_string(out2.join("index.html")).unwrap(), "two");
        // nothing left beside it but the two folders
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn dropped_staging_leaves_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("atlas");
        {
            let s = Staging::new(&out).unwrap();
            s.write("a/b.html", b"x").unwrap();
        }
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
