//! A labelled input (or text area) whose error is announced: `aria-invalid`,
//! and `aria-describedby` pointing at the hint and the error.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// Element id of the input (page-unique: from `use_id`); the hint and the
    /// error get `{id}-hint` and `{id}-error`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// Rows of a text area; 0 = a one-line input.
    #[prop_or_default]
    pub rows: u32,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
}

#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described: Vec<&str> = [
        props.hint.as_ref().map(|_| hint_id.as_str()),
        props.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = props.error.is_some().to_string();
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let value = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| {
                e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
                    .map(|t| t.value())
            })
            .unwrap_or_default();
        on_input.emit(value);
    });
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-invalid"))}>
            <label for={props.id.clone()}>
                { props.label.clone() }
                if props.required { <span class="required" aria-hidden="true">{ " *" }</span> }
            </label>
            if props.rows > 0 {
                <textarea id={props.id.clone()} rows={props.rows.to_string()} value={props.value.clone()} {oninput}
                          aria-invalid={invalid} aria-describedby={described} required={props.required}
                          spellcheck="false" />
            } else {
                <input id={props.id.clone()} type={props.input_type.clone()} value={props.value.clone()} {oninput}
                       aria-invalid={invalid} aria-describedby={described} required={props.required}
                       autocomplete={props.autocomplete.clone()} />
            }
            if let Some(hint) = &props.hint { <p id={hint_id} class="hint">{ hint.clone() }</p> }
            if let Some(error) = &props.error { <p id={error_id} class="field-error" role="alert">{ error.clone() }</p> }
        </div>
    }
}
