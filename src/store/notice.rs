//! Messages shown to the user at the top of the page (results of actions,
//! storage problems, imports), each dismissible.

/// How a notice is styled and announced (errors and warnings are alerts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Success,
    Warning,
    Error,
}

/// A file the user can download from the notice (e.g. a stored blob that
/// could not be read and was kept aside).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub label: String,
    pub filename: String,
    pub contents: String,
}

/// The button a notice offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    Download(Attachment),
    /// Saving failed: try again (after the user freed space).
    RetrySave,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Given by the state when the notice is added.
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

impl Notice {
    pub fn new(kind: NoticeKind, text: impl Into<String>) -> Self {
        Notice {
            id: 0,
            kind,
            text: text.into(),
            action: None,
        }
    }

    pub fn with_action(mut self, action: NoticeAction) -> Self {
        self.action = Some(action);
        self
    }
}
