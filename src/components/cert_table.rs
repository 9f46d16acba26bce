//! The certificate table. Long lists are windowed: only the rows in view
//! (plus a margin) are rendered, spacer rows keep the scroll height, and
//! `aria-rowcount`/`aria-rowindex` tell assistive technology the real size.
//! The spacers' heights are set through the CSSOM, not a `style` attribute,
//! which a Content-Security-Policy with `style-src 'self'` blocks.

use std::rc::Rc;

use gloo::events::EventListener;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::cert_row::CertRow;
use super::context::use_app;
use crate::rules::{CertAction, CertificateKind};
use crate::store::actions::{primary_action, row_actions};
use crate::store::lifecycle::lifecycle;
use crate::store::view::Row;

/// Every row is this tall (CSS `.cert-row` matches), so offsets are arithmetic.
pub const ROW_HEIGHT: f64 = 64.0;
/// Lists up to this long are rendered whole (tabbing through them never leaves rendered rows).
pub const WINDOW_FROM: usize = 100;
const OVERSCAN: usize = 10;

#[derive(Properties, PartialEq)]
pub struct CertTableProps {
    pub rows: Rc<Vec<Row>>,
    pub caption: AttrValue,
    pub on_action: Callback<(String, CertAction)>,
    pub on_details: Callback<String>,
}

/// The rows to render for a scroll position: `[start, end)`.
pub fn window(len: usize, scroll_top: f64, viewport: f64) -> (usize, usize) {
    if len <= WINDOW_FROM {
        return (0, len);
    }
    let first = (scroll_top.max(0.0) / ROW_HEIGHT) as usize;
    let visible = (viewport.max(ROW_HEIGHT) / ROW_HEIGHT).ceil() as usize;
    (
        first.saturating_sub(OVERSCAN).min(len),
        (first + visible + OVERSCAN).min(len),
    )
}

#[component]
pub fn CertTable(props: &CertTableProps) -> Html {
    let app = use_app();
    let scroller = use_node_ref();
    let scroll_top = use_state(|| 0.0_f64);
    let viewport = use_state(|| 720.0_f64);
    {
        let (scroller, viewport) = (scroller.clone(), viewport.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = scroller.cast::<Element>() {
                    viewport.set(f64::from(el.client_height()));
                }
            };
            measure();
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }
    let onscroll = {
        let (scroller, scroll_top) = (scroller.clone(), scroll_top.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<Element>() {
                scroll_top.set(f64::from(el.scroll_top()));
            }
        })
    };
    let rows = &props.rows;
    let windowed = rows.len() > WINDOW_FROM;
    let (start, end) = window(rows.len(), *scroll_top, *viewport);
    let (above, below) = (use_node_ref(), use_node_ref());
    {
        // After every render (the spacer rows may have been re-created), before paint.
        let (above, below, after) = (above.clone(), below.clone(), rows.len() - end);
        use_effect(move || {
            for (spacer, count) in [(above, start), (below, after)] {
                if let Some(row) = spacer.cast::<HtmlElement>() {
                    let height = format!("{}px", count as f64 * ROW_HEIGHT);
                    let _ = row.style().set_property("height", &height);
                }
            }
        });
    }
    let inventory = &app.inventory;
    let today = app.today();
    let rendered = rows[start..end].iter().enumerate().filter_map(|(offset, row)| {
        let cert = inventory.certificates.get(row.index)?;
        let life = lifecycle(inventory, cert, today);
        // The status's own actions first, then the renewal of the kind (enabled or saying why not).
        let mut inline: Vec<CertAction> = primary_action(life.status).to_vec();
        if !row.associated {
            inline.push(match (cert.kind, cert.pca) {
                (CertificateKind::Official, _) => CertAction::RenewalPurchase,
                (CertificateKind::Uploaded, false) => CertAction::Update,
                (CertificateKind::Uploaded, true) => CertAction::ReissueAndSync,
            });
        }
        let original_name = cert
            .association
            .as_ref()
            .and_then(|a| inventory.find(&a.original))
            .map(|o| AttrValue::from(o.name.clone()));
        Some(html! {
            <CertRow key={cert.id.clone()} cert={cert.clone()} row={*row} row_index={start + offset + 1}
                     lifecycle={life} actions={row_actions(inventory, cert, today)} {inline} {today}
                     {original_name} on_action={props.on_action.clone()} on_details={props.on_details.clone()} />
        })
    });
    let spacer = |rows: usize, node: &NodeRef| -> Html {
        if rows == 0 {
            return html! {};
        }
        html! {
            <tr class="spacer" aria-hidden="true" ref={node.clone()}>
                <td colspan="6"></td>
            </tr>
        }
    };
    html! {
        <div class={classes!("table-scroll", windowed.then_some("windowed"))} ref={scroller} {onscroll}>
            <table class="cert-table" aria-rowcount={(rows.len() + 1).to_string()}>
                <caption class="visually-hidden">{ props.caption.clone() }</caption>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col" class="col-cert">{ "Certificate" }</th>
                        <th scope="col" class="col-domains">{ "Bound domains" }</th>
                        <th scope="col" class="col-spec">{ "Specification" }</th>
                        <th scope="col" class="col-status">{ "Status" }</th>
                        <th scope="col" class="col-validity">{ "Validity" }</th>
                        <th scope="col" class="col-actions">{ "Actions" }</th>
                    </tr>
                </thead>
                <tbody>
                    { spacer(start, &above) }
                    for row in rendered { { row } }
                    { spacer(rows.len() - end, &below) }
                </tbody>
            </table>
        </div>
    }
}
