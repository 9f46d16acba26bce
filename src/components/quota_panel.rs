//! The quota, visible without opening an order: the remaining Managed Service
//! count ("Available Quota for Hosting Service") and, per specification, the
//! "Number of certificates that can be requested".

use yew::prelude::*;

use super::context::use_app;
use super::hooks::use_id_prefix;
use crate::rules::sort;

#[component]
pub fn QuotaPanel() -> Html {
    let app = use_app();
    let ids = use_id_prefix();
    let quotas = &app.inventory.quotas;
    let units: u32 = quotas.units.iter().map(|(_, n)| *n).sum();
    let mut rows = quotas.units.clone();
    sort::sort_by_key(&mut rows, |(spec, _)| *spec);
    html! {
        <section class="quota card" aria-labelledby={ids.id("quota-title")}>
            <h2 id={ids.id("quota-title")} class="quota-title">{ "Quota" }</h2>
            <dl class="quota-figures">
                <div>
                    <dt>{ "Available Quota for Hosting Service:" }</dt>
                    <dd id={ids.id("quota-managed-service")}>{ quotas.managed_service }</dd>
                </div>
                <div>
                    <dt>{ "Certificate quota:" }</dt>
                    <dd id={ids.id("quota-units")}>{ format!("{units} across {} specifications", rows.len()) }</dd>
                </div>
            </dl>
            <details class="quota-details">
                <summary>{ "Number of certificates that can be requested, per specification" }</summary>
                <table class="quota-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Brand" }</th>
                            <th scope="col">{ "Certificate Specifications" }</th>
                            <th scope="col">{ "Certificate Type" }</th>
                            <th scope="col" class="num">{ "Number of certificates that can be requested" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for (spec, n) in rows {
                            <tr class={classes!((n == 0).then_some("quota-zero"))}>
                                <td>{ spec.brand.label() }</td>
                                <td>{ spec.validation.label() }</td>
                                <td>{ spec.domain_type.label() }</td>
                                <td class="num" data-spec={spec.label()}>{ n }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
