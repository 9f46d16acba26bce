//! Hooks shared by the components: element ids unique to the instance, and
//! the dialog a panel opens in its place.

pub mod use_chunk;
pub mod use_dialogs;
pub mod use_id;

pub use use_chunk::{Chunk, chunk_dialog, chunk_placeholder, use_chunk};
pub use use_dialogs::{DialogsHandle, use_dialogs};
pub use use_id::{IdPrefix, id_for, use_id, use_id_prefix};
