//! Loading the inventory: move what localStorage holds into IndexedDB,
//! decode what is stored, and copy a blob that is newer or unreadable aside
//! before anything may overwrite it.

use super::{StorageError, kept_keys, local, read, write};
use crate::chunks::LoadError;
use crate::rules::PriceTable;
use crate::store::Inventory;
use crate::store::persist::{self, Codec, Loaded};

/// Why a stored blob was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetAside {
    Newer { schema: u32 },
    Unreadable { reason: String },
}

impl SetAside {
    fn sentence(&self) -> String {
        match self {
            SetAside::Newer { schema } => format!(
                "The saved inventory was written by a newer version of Certdesk (schema {schema}; \
                 this version reads up to {}).",
                persist::CURRENT_SCHEMA
            ),
            SetAside::Unreadable { reason } => reason.clone(),
        }
    }
}

/// Something the user should be told about after [`load`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadNotice {
    /// An older layout was read and will be saved in the current one.
    Migrated { from: u32 },
    /// The blob was copied to `kept_key` (`raw` is its text, for a download).
    KeptAside {
        why: SetAside,
        kept_key: String,
        raw: String,
    },
    /// The blob could not be copied aside: it stays under the main key, which
    /// must not be written (see [`LoadOutcome::read_only`]).
    NotKeptAside {
        why: SetAside,
        error: StorageError,
        raw: String,
    },
    /// Storage could not be read at all.
    Unavailable(StorageError),
    /// What is stored could not be decoded: the codec did not download.
    /// Nothing was read, so nothing may be written.
    CodecMissing(LoadError),
}

impl LoadNotice {
    /// What happened and what the user can do, in full sentences.
    pub fn message(&self) -> String {
        match self {
            LoadNotice::Migrated { from } => format!(
                "The saved inventory was in an older format (schema {from}) and has been updated; \
                 its quotas and orders start empty and prices are the defaults."
            ),
            LoadNotice::KeptAside { why, kept_key, .. } => format!(
                "{} It was kept aside under \"{kept_key}\" and nothing was overwritten: \
                 download it to keep a copy.{}",
                why.sentence(),
                match why {
                    SetAside::Newer { .. } =>
                        " This tab shows the demo from memory and saves \
                        nothing, so the newer version finds its inventory untouched: open \
                        Certdesk in that version to go on.",
                    SetAside::Unreadable { .. } => "",
                }
            ),
            LoadNotice::NotKeptAside { why, error, .. } => format!(
                "{} It could not be kept aside ({}), so it stays where it is and this tab will \
                 not save any change. Download it to keep a copy, or export your work before closing.",
                why.sentence(),
                error.short()
            ),
            LoadNotice::Unavailable(error) => error.to_string(),
            LoadNotice::CodecMissing(error) => format!(
                "Your saved inventory was not read: {error} Until then this tab shows the demo \
                 and saves nothing, so what is stored stays as it is; reload the page to try again."
            ),
        }
    }

    /// The blob that was set aside, for a download link.
    pub fn raw(&self) -> Option<&str> {
        match self {
            LoadNotice::KeptAside { raw, .. } | LoadNotice::NotKeptAside { raw, .. } => Some(raw),
            _ => None,
        }
    }
}

/// What [`load`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadOutcome {
    /// The stored inventory; `None` when there is none to use (first run,
    /// storage unavailable, or a blob that was set aside): start from the demo.
    pub inventory: Option<Inventory>,
    pub notice: Option<LoadNotice>,
    /// The main key must not be written (nothing this tab does is saved): it
    /// holds a newer version's inventory, or a blob that could not be kept aside.
    pub read_only: bool,
}

/// Reads and decodes `key`. A newer or unreadable blob is copied aside
/// before the caller can overwrite it; the main key itself is never written
/// here, except to move an inventory from localStorage (see [`migrate`]).
pub async fn load(key: &str, default_prices: &PriceTable) -> LoadOutcome {
    let outcome = |inventory, notice, read_only| LoadOutcome {
        inventory,
        notice,
        read_only,
    };
    let found = read(key).await;
    // Nothing stored (a first visit): the demo shows without the codec.
    let in_local = || matches!(local::read(key), Ok(Some(_)));
    match &found {
        Ok(None) if !in_local() => return outcome(None, None, false),
        Err(error) if !in_local() => {
            return outcome(None, Some(LoadNotice::Unavailable(error.clone())), true);
        }
        _ => {}
    }
    let codec = match persist::codec().await {
        Ok(codec) => codec,
        Err(error) => return outcome(None, Some(LoadNotice::CodecMissing(error)), true),
    };
    let decode = |raw: &str| (codec.decode)(raw, default_prices);
    let raw = match found {
        Ok(Some(raw)) => raw,
        Ok(None) => match migrate(key, codec, default_prices).await {
            Some(raw) => raw,
            None => return outcome(None, None, false),
        },
        Err(error) => {
            // IndexedDB refused (site data blocked, private mode): show what
            // localStorage may still hold, and save nothing.
            let inventory = match local::read(key) {
                Ok(Some(raw)) => match decode(&raw) {
                    Loaded::Ok { inventory, .. } => Some(inventory),
                    _ => None,
                },
                _ => None,
            };
            return outcome(inventory, Some(LoadNotice::Unavailable(error)), true);
        }
    };
    let why = match decode(&raw) {
        Loaded::Ok {
            inventory,
            migrated_from,
        } => {
            let notice = migrated_from.map(|from| LoadNotice::Migrated { from });
            return outcome(Some(inventory), notice, false);
        }
        Loaded::Newer { schema } => SetAside::Newer { schema },
        Loaded::Unreadable { reason } => SetAside::Unreadable { reason },
    };
    // A newer version's data stays where that version looks for it: this tab
    // works from memory and never writes the key (issue 14), so the newer
    // version does not later find a demo inventory there. An unreadable blob,
    // once copied aside, may be replaced.
    let newer = matches!(why, SetAside::Newer { .. });
    match keep_aside(key, &raw).await {
        Ok(kept_key) => outcome(
            None,
            Some(LoadNotice::KeptAside { why, kept_key, raw }),
            newer,
        ),
        Err(error) => outcome(
            None,
            Some(LoadNotice::NotKeptAside { why, error, raw }),
            true,
        ),
    }
}

/// Moves what localStorage holds under `key` (and the copies kept aside from
/// it) into IndexedDB, and returns the main text. Each localStorage key is
/// removed only once IndexedDB reads back the same text; until then it stays,
/// so a failure loses nothing. A newer version's inventory is not moved: it
/// stays where it is (and is kept aside by the caller).
async fn migrate(key: &str, codec: Codec, default_prices: &PriceTable) -> Option<String> {
    let raw = local::read(key).ok().flatten()?;
    if matches!((codec.decode)(&raw, default_prices), Loaded::Newer { .. }) {
        return Some(raw);
    }
    let prefix = format!("{key}.kept-");
    for kept in local::keys_with(&prefix).unwrap_or_default() {
        if let Ok(Some(text)) = local::read(&kept)
            && read(&kept).await.ok().flatten().is_none()
        {
            move_key(&kept, &text).await;
        }
    }
    move_key(key, &raw).await;
    Some(raw)
}

/// Copies `text` to IndexedDB under `key` and, once it reads back the same,
/// removes `key` from localStorage.
async fn move_key(key: &str, text: &str) {
    let confirmed = match write(key, text).await {
        Ok(()) => read(key).await.ok().flatten().as_deref() == Some(text),
        Err(error) => {
            log::warn!("{key} stays in localStorage: {error}");
            false
        }
    };
    if confirmed && let Err(error) = local::remove(key) {
        log::warn!("{key} was moved to IndexedDB but stays in localStorage: {error}");
    }
}

/// Copies `raw` to a fresh kept-aside key and returns it. A copy already
/// kept (the same blob met on an earlier load) is reused, so reloading with
/// a bad blob does not pile up copies.
pub async fn keep_aside(key: &str, raw: &str) -> Result<String, StorageError> {
    for kept in kept_keys(key).await? {
        if read(&kept).await?.as_deref() == Some(raw) {
            return Ok(kept);
        }
    }
    let base = persist::keep_aside_key(key, crate::platform::clock::now_millis());
    let mut candidate = base.clone();
    for n in 2..100 {
        if read(&candidate).await?.is_none() {
            write(&candidate, raw).await?;
            return Ok(candidate);
        }
        candidate = format!("{base}-{n}");
    }
    Err(StorageError::Other {
        detail: "too many kept copies of the inventory".into(),
    })
}
