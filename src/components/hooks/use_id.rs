//! Element ids that never collide (patternfly-yew's `use_id`, adapted): every
//! id, label `for` and `aria-*` reference is a name given here, behind the
//! prefix of the Certdesk instance (`App`'s `id_prefix`). Two instances on one
//! page get different prefixes, so neither finds the other's elements; with
//! the empty prefix (a standalone page) an id is exactly its name.
//!
//! Props that carry an id (`Modal::id`, `TextField::id`, `Popover::id`,
//! `RadioCards::name`, `CsrGenerator::id_prefix`, `ManualCsrInput::id`) take
//! the finished, page-unique value from here; what a component derives from
//! it (`{id}-title`, `{id}-error`) stays unique with it.

use yew::prelude::*;

/// The instance's id prefix, provided by `App` around the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdPrefix(pub AttrValue);

impl IdPrefix {
    /// The page-unique id of the element this instance calls `name`.
    pub fn id(&self, name: &str) -> AttrValue {
        id_for(self, name)
    }

    /// Several ids for one `aria-describedby` / `aria-labelledby`, or `None`.
    pub fn ids<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> Option<AttrValue> {
        let ids: Vec<AttrValue> = names.into_iter().map(|n| self.id(n)).collect();
        (!ids.is_empty()).then(|| AttrValue::from(ids.join(" ")))
    }
}

/// `name` behind the instance prefix, for ids built from data (a row's
/// certificate, a tab) where a hook per id cannot be called.
pub fn id_for(prefix: &IdPrefix, name: &str) -> AttrValue {
    if prefix.0.is_empty() {
        AttrValue::from(name.to_string())
    } else {
        AttrValue::from(format!("{}{name}", prefix.0))
    }
}

/// The instance prefix. Outside `App` (a component mounted on its own, as the
/// browser tests do) it is empty.
#[hook]
pub fn use_id_prefix() -> IdPrefix {
    use_context::<IdPrefix>().unwrap_or_default()
}

/// The page-unique id of the element this component calls `name`.
#[hook]
pub fn use_id(name: &str) -> AttrValue {
    use_id_prefix().id(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_prefix_keeps_the_name() {
        let none = IdPrefix::default();
        assert_eq!(id_for(&none, "order-panel"), "order-panel");
        assert_eq!(none.ids(["a", "b"]).as_deref(), Some("a b"));
        assert_eq!(none.ids([]), None);
    }

    #[test]
    fn a_prefix_goes_before_every_name() {
        let second = IdPrefix(AttrValue::Static("cd2-"));
        assert_eq!(second.id("period-3"), "cd2-period-3");
        assert_eq!(
            second
                .ids(["purchase-key-hint", "purchase-key-error"])
                .as_deref(),
            Some("cd2-purchase-key-hint cd2-purchase-key-error")
        );
    }
}
