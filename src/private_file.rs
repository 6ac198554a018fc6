//! Files only their owner may read (session files, the generated secret key, exports, reset
//! emails written by the file backend): written to a
//! temporary file of mode 0600 beside the target and moved into place in one step, so a reader
//! never sees half a file and a crash never leaves one.

use crate::error::{Error, IoContext, Result};
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// What to do when the target already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Replace,
    /// Leave it: another process got there first. Reported as `Ok(false)`.
    Keep,
}

/// Writes `contents` to `path` with mode 0600, creating missing parent directories with 0700.
/// Returns whether this call's contents are now at `path`.
pub fn write(path: &Path, contents: &[u8], existing: Existing) -> Result<bool> {
    write_with(path, existing, |out| {
        out.write_all(contents)
            .context(|| format!("cannot write {}", path.display()))
    })
}

/// Like [`write`], with the contents written by `produce` as they come (an export of any
/// size), so they are never all in memory. If `produce` fails, nothing is left behind.
pub fn write_with(
    path: &Path,
    existing: Existing,
    produce: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<bool> {
    // Only a regular file is ever replaced: renaming over a device, a pipe or a symbolic link
    // (to /dev/stdout, say) would destroy something that is not ours.
    if let Ok(meta) = fs::symlink_metadata(path)
        && !meta.file_type().is_file()
    {
        return Err(Error::Environment(format!(
            "will not replace {}: it is not a regular file",
            path.display()
        )));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .context(|| format!("cannot create directory {}", dir.display()))?;
    }
    let temp = temp_path(path);
    let result = write_temp(&temp, produce).and_then(|()| {
        match existing {
            Existing::Replace => fs::rename(&temp, path).map(|()| true),
            // A hard link fails if the target exists, which makes "create if absent" atomic.
            Existing::Keep => match fs::hard_link(&temp, path) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
                Err(e) => Err(e),
            },
        }
        .context(|| format!("cannot write {}", path.display()))
    });
    fs::remove_file(&temp).ok();
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique = crate::crypto::random_string(12);
    path.with_file_name(format!(".{name}.{unique}.tmp"))
}

fn write_temp(temp: &Path, produce: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let failed = |e| Error::io(format!("cannot write {}", temp.display()), e);
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(temp)
        .map_err(failed)?;
    let mut out = io::BufWriter::with_capacity(256 * 1024, file);
    produce(&mut out)?;
    let file = out.into_inner().map_err(|e| failed(e.into_error()))?;
    file.sync_all().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn writes_0600_in_new_0700_directory() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("a/b/secret");
        assert!(write(&path, b"one", Existing::Replace).unwrap());
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let dir_mode = fs::metadata(root.path().join("a/b"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
        assert!(write(&path, b"two", Existing::Replace).unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert!(!write(&path, b"three", Existing::Keep).unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let leftovers = fs::read_dir(root.path().join("a/b")).unwrap().count();
        assert_eq!(leftovers, 1, "temporary files are cleaned up");
    }
}
