//! What the inventory itself records about a certificate: the facts shown
//! for every certificate, with or without its file.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::rules::{Certificate, status_at};
use crate::store::Inventory;

#[derive(Properties, PartialEq)]
pub struct RecordFactsProps {
    pub cert: Certificate,
    pub today: NaiveDate,
    /// The original's name and the order, for an associated certificate.
    #[prop_or_default]
    pub original_name: Option<AttrValue>,
    #[prop_or_default]
    pub order_placed_on: Option<NaiveDate>,
}

/// The name of a certificate's original and the day its order was placed.
pub fn association_context(
    inventory: &Inventory,
    cert: &Certificate,
) -> (Option<AttrValue>, Option<NaiveDate>) {
    let Some(a) = &cert.association else {
        return (None, None);
    };
    let name = inventory
        .find(&a.original)
        .map(|o| AttrValue::from(format!("{} ({})", o.name, o.id)));
    let placed = inventory
        .orders
        .iter()
        .find(|o| o.id == a.order)
        .map(|o| o.placed_on);
    (name, placed)
}

#[component]
pub fn RecordFacts(props: &RecordFactsProps) -> Html {
    let c = &props.cert;
    let dates = match (c.not_before, c.not_after) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (_, Some(b)) => format!("until {b}"),
        _ => "Not issued yet".into(),
    };
    let mut rows: Vec<(&str, String)> = vec![
        ("Resource ID", c.id.clone()),
        ("Bound domains", c.domains.join(", ")),
        ("Specification", c.spec.label()),
        ("Key algorithm", c.key_algorithm.label().to_string()),
        ("Validity", dates),
        ("Status", status_at(c, props.today).label().to_string()),
        ("Tab", c.kind.label().to_string()),
    ];
    if let (Some(start), Some(end)) = (c.term_start, c.term_end) {
        rows.push(("Service term", format!("{start} to {end}")));
    }
    if let Some(issuer) = &c.issuer {
        rows.push(("Issuing CA", issuer.clone()));
    }
    if c.pca {
        rows.push((
            "Source",
            "Private CA (PCA): reissued there, then synced here".into(),
        ));
    }
    if let Some(a) = &c.association {
        let original = props
            .original_name
            .as_ref()
            .map(|n| n.to_string())
            .unwrap_or_else(|| a.original.clone());
        rows.push((
            "Associated with",
            format!(
                "{original}: certificate {} of {} of its {}",
                a.position,
                a.of,
                if a.renewal { "renewal" } else { "purchase" }
            ),
        ));
        let placed = props
            .order_placed_on
            .map(|d| format!(", placed on {d}"))
            .unwrap_or_default();
        rows.push(("Order", format!("{}{placed}", a.order)));
    }
    if let Some(v) = &c.verified {
        rows.push((
            "Verified",
            format!(
                "Verified on {}: {} {}",
                v.on,
                if v.passed { "passed." } else { "not passed." },
                v.summary
            ),
        ));
    }
    html! {
        <dl class="facts record-facts">
            for (label, value) in rows {
                <div><dt>{ label }</dt><dd>{ value }</dd></div>
            }
        </dl>
    }
}
