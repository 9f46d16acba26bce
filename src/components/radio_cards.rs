//! A group of choices as a fieldset of radio buttons drawn as cards, each
//! with its description; an option that is not offered stays visible,
//! disabled, with the reason.

use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct RadioOption {
    pub value: AttrValue,
    pub label: AttrValue,
    pub description: Html,
    /// Why it is not offered.
    pub disabled: Option<String>,
    pub badge: Option<AttrValue>,
}

impl RadioOption {
    pub fn new(
        value: impl Into<AttrValue>,
        label: impl Into<AttrValue>,
        description: Html,
    ) -> Self {
        RadioOption {
            value: value.into(),
            label: label.into(),
            description,
            disabled: None,
            badge: None,
        }
    }

    pub fn disabled(mut self, reason: Option<String>) -> Self {
        self.disabled = reason;
        self
    }

    pub fn badge(mut self, badge: &'static str) -> Self {
        self.badge = Some(AttrValue::Static(badge));
        self
    }
}

#[derive(Properties, PartialEq)]
pub struct RadioCardsProps {
    /// The group's `name` (page-unique: from `use_id`, so two instances' groups
    /// never merge), and the prefix of its ids.
    pub name: AttrValue,
    pub legend: AttrValue,
    pub options: Vec<RadioOption>,
    pub selected: Option<AttrValue>,
    pub on_change: Callback<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    /// Lay the cards out side by side.
    #[prop_or_default]
    pub row: bool,
}

#[component]
pub fn RadioCards(props: &RadioCardsProps) -> Html {
    let error_id = format!("{}-error", props.name);
    html! {
        <fieldset class={classes!("radio-cards", props.row.then_some("radio-row"))}
                  aria-describedby={props.error.as_ref().map(|_| error_id.clone())}>
            <legend>{ props.legend.clone() }</legend>
            for option in props.options.iter().cloned() {
                {{
                    let id = format!("{}-{}", props.name, option.value);
                    let checked = props.selected.as_ref() == Some(&option.value);
                    let value = option.value.clone();
                    let onchange = props.on_change.reform(move |_| value.clone());
                    let desc_id = format!("{id}-desc");
                    html! {
                        <div class={classes!("radio-card", checked.then_some("checked"), option.disabled.is_some().then_some("disabled"))}>
                            <input type="radio" {id} name={props.name.clone()} value={option.value.clone()} {checked}
                                   disabled={option.disabled.is_some()} {onchange} aria-describedby={desc_id.clone()} />
                            <label for={format!("{}-{}", props.name, option.value)}>
                                <span class="radio-label">{ option.label.clone() }</span>
                                if let Some(badge) = option.badge.clone() { <span class="badge">{ badge }</span> }
                            </label>
                            <div id={desc_id} class="radio-desc">
                                { option.description.clone() }
                                if let Some(reason) = option.disabled.clone() { <p class="radio-reason">{ reason }</p> }
                            </div>
                        </div>
                    }
                }}
            }
            if let Some(error) = &props.error { <p id={error_id} class="field-error" role="alert">{ error.clone() }</p> }
        </fieldset>
    }
}
