//! Placing an order: the plan the rules give, paid from quota first, and the
//! new certificates generated below the original.

use chrono::NaiveDate;

use super::Placed;
use crate::inventory::{Inventory, Order};
use crate::rules::{
    Association, Certificate, CertificateKind, CsrMode, LifecycleState, OrderKind, OrderRequest,
    plan_order, quotas_after,
};

/// A fresh order number: one more than any "ord-N" already used.
fn next_order_number(inventory: &Inventory) -> u32 {
    inventory
        .orders
        .iter()
        .filter_map(|o| o.id.strip_prefix("ord-")?.parse::<u32>().ok())
        .max()
        .unwrap_or(2000)
        .max(2000)
        + 1
}

pub(super) fn submit_order(
    inventory: &Inventory,
    request: &OrderRequest,
    csr_pem: Option<String>,
    today: NaiveDate,
) -> Result<Placed, String> {
    let plan = plan_order(request, &inventory.quotas, &inventory.prices, today);
    if let Err(why) = &plan.eligibility {
        return Err(why.to_string());
    }
    if let Some(blocking) = plan.warnings.iter().find(|w| w.kind.blocks_submission()) {
        return Err(blocking.message.clone());
    }
    if !plan.can_submit {
        return Err(
            "The order cannot be submitted yet: complete the fields marked in the panel".into(),
        );
    }
    if let Some(original) = &request.original
        && inventory.find(&original.id).is_none()
    {
        return Err(format!("{} is no longer in the inventory", original.name));
    }
    let number = next_order_number(inventory);
    let order_id = format!("ord-{number}");
    let key_algorithm = plan
        .key_algorithm
        .or(request.original.as_ref().map(|o| o.key_algorithm))
        .unwrap_or(request.key_algorithm);
    let name = request
        .original
        .as_ref()
        .map(|o| o.name.clone())
        .or_else(|| plan.domains.first().cloned())
        .unwrap_or_else(|| order_id.clone());
    let first_id = format!("cas-{number}-1");
    let mut created = Vec::new();
    for planned in &plan.certificates {
        let id = format!("cas-{number}-{}", planned.position);
        let association = match &request.original {
            Some(original) => Some(original.id.clone()),
            // A new purchase: the first certificate stands alone, the others sit below it.
            None if planned.position > 1 => Some(first_id.clone()),
            None => None,
        }
        .map(|original| Association {
            original,
            order: order_id.clone(),
            position: planned.position,
            of: planned.of,
            renewal: request.kind == OrderKind::Renewal,
        });
        let mut cert = Certificate::new(
            id,
            match &request.original {
                Some(_) => planned.kind,
                None => CertificateKind::Official,
            },
            plan.spec,
            key_algorithm,
            plan.domains.clone(),
        );
        cert.name = name.clone();
        cert.state = planned.status;
        cert.verification = plan.verification.unwrap_or(
            request
                .original
                .as_ref()
                .map_or(crate::rules::VerificationMethod::ManualDns, |o| {
                    o.verification
                }),
        );
        cert.dns_in_same_account = request.dns_in_same_account;
        cert.validation_free = request.validation_free;
        cert.contact = request.contact.clone();
        cert.csr_mode = Some(request.csr_mode);
        cert.association = association;
        // The CSR made or pasted in the panel goes with the first certificate;
        // the Managed Service makes its own for the later ones.
        if planned.position == 1 && request.csr_mode != CsrMode::OriginalKey {
            cert.csr = csr_pem.clone();
        }
        created.push(cert);
    }
    if created
        .first()
        .is_none_or(|c| c.state != LifecycleState::PendingApplication)
    {
        return Err("The plan created no certificate to apply for".into());
    }
    let order = Order {
        id: order_id,
        placed_on: today,
        kind: request.kind,
        original: request.original.as_ref().map(|o| o.id.clone()),
        years: plan.years,
        certificates: created.iter().map(|c| c.id.clone()).collect(),
        payment: plan.payment.clone(),
    };
    let mut next = inventory.clone();
    next.quotas = quotas_after(&inventory.quotas, &plan.payment);
    next.certificates.extend(created);
    next.orders.push(order.clone());
    Ok(Placed {
        inventory: next,
        order,
        plan,
    })
}
