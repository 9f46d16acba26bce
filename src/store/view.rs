//! What a tab shows: certificates grouped under their original, searched,
//! filtered by status and sorted. Pure, and computed only when its inputs
//! change (never on re-renders such as scrolling): the `Index` once per
//! inventory and date, the `View` once per query.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;

use super::inventory::Inventory;
use super::route::Tab;
use super::timeline::{LoadEvent, Month, load_events, month_of};
use super::validation_clock::ClockInputs;
use crate::rules::{
    CertificateKind, CertificateStatus, LifecycleState, Urgency, renewal_urgency, status_at,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Soonest expiry first; certificates not issued yet last.
    #[default]
    ExpirySoonest,
    ExpiryLatest,
    /// Least of its lifetime left first (`rules::renewal_urgency`).
    MostUrgent,
    Name,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [
        SortOrder::ExpirySoonest,
        SortOrder::ExpiryLatest,
        SortOrder::MostUrgent,
        SortOrder::Name,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::ExpirySoonest => "Expiry: soonest first",
            SortOrder::ExpiryLatest => "Expiry: latest first",
            SortOrder::MostUrgent => "Most urgent first",
            SortOrder::Name => "Name: A to Z",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            SortOrder::ExpirySoonest => "expiry-asc",
            SortOrder::ExpiryLatest => "expiry-desc",
            SortOrder::MostUrgent => "urgency",
            SortOrder::Name => "name",
        }
    }
}

/// The user's search, filter and sort on one tab.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ViewQuery {
    pub search: String,
    pub status: Option<CertificateStatus>,
    /// Only certificates whose domains need validating again within 30 days.
    pub validation_due: bool,
    /// Only certificates with something in this month of the next 12
    /// (an expiry, a Managed Service start, a reissue or a validation).
    pub month: Option<Month>,
    pub sort: SortOrder,
}

/// An original and the certificates its orders created, by index into the inventory.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Group {
    root: usize,
    children: Vec<usize>,
}

/// Per-certificate facts for one inventory on one date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    pub status: Vec<CertificateStatus>,
    /// Renewal urgency of the certificate in service (issued ones only).
    pub urgency: Vec<Option<Urgency>>,
    /// The day a planned issuance needs a fresh domain validation, when within 30 days.
    pub validation_due: Vec<Option<NaiveDate>>,
    /// What falls on each certificate in the next 12 months (`store::timeline`).
    pub events: Vec<Vec<LoadEvent>>,
    haystack: Vec<String>,
    groups: Vec<(Tab, Group)>,
}

/// One line of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index into `inventory.certificates`.
    pub index: usize,
    /// Created by an order on the original above it (indented, association icon).
    pub associated: bool,
    /// Shown only because a certificate under it matches.
    pub context: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct View {
    /// Shared with the table, which compares it cheaply when re-rendering.
    pub rows: Rc<Vec<Row>>,
    /// Certificates of the tab matching the search, per status (any status filter aside).
    pub counts: Vec<(CertificateStatus, usize)>,
    /// Certificates of the tab matching the search.
    pub matching: usize,
    /// Of those, the ones whose domains need validating again within 30 days.
    pub validation_due: usize,
    /// Certificates of the tab.
    pub total: usize,
}

pub const STATUS_ORDER: [CertificateStatus; 9] = [
    CertificateStatus::PendingExpiration,
    CertificateStatus::Expired,
    CertificateStatus::Issued,
    CertificateStatus::PendingApplication,
    CertificateStatus::ValidatingApplication,
    CertificateStatus::ValidationFailed,
    CertificateStatus::NotActivated,
    CertificateStatus::Cancelled,
    CertificateStatus::Revoked,
];

fn tab_of(kind: CertificateKind) -> Tab {
    match kind {
        CertificateKind::Official => Tab::Official,
        CertificateKind::Uploaded => Tab::Uploaded,
    }
}

/// Computes statuses, search text and groups. Associated certificates go under
/// their original (on its tab); one whose original is gone stands alone.
pub fn index(inventory: &Inventory, today: NaiveDate) -> Index {
    let certs = &inventory.certificates;
    let position: HashMap<&str, usize> = certs
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for (i, cert) in certs.iter().enumerate() {
        match cert
            .association
            .as_ref()
            .and_then(|a| position.get(a.original.as_str()))
        {
            Some(&parent) if parent != i => children.entry(parent).or_default().push(i),
            _ => roots.push(i),
        }
    }
    let groups = roots
        .into_iter()
        .map(|root| {
            let mut kids = children.remove(&root).unwrap_or_default();
            kids.sort_by_key(|&i| {
                certs[i]
                    .association
                    .as_ref()
                    .map(|a| (a.order.clone(), a.position))
            });
            (
                tab_of(certs[root].kind),
                Group {
                    root,
                    children: kids,
                },
            )
        })
        .collect();
    let clocks = ClockInputs::new(inventory);
    Index {
        status: certs.iter().map(|c| status_at(c, today)).collect(),
        urgency: certs
            .iter()
            .map(|c| match (c.state, c.not_before, c.not_after) {
                (LifecycleState::Issued, Some(nb), Some(na)) => renewal_urgency(nb, na, today),
                _ => None,
            })
            .collect(),
        validation_due: (0..certs.len())
            .map(|i| clocks.due_within_window(i, today))
            .collect(),
        events: load_events(inventory, today),
        haystack: certs
            .iter()
            .map(|c| format!("{}\n{}\n{}", c.name, c.id, c.domains.join("\n")).to_lowercase())
            .collect(),
        groups,
    }
}

/// The rows of `tab` for `query`.
pub fn view(inventory: &Inventory, index: &Index, tab: Tab, query: &ViewQuery) -> View {
    let certs = &inventory.certificates;
    let needle = query.search.trim().to_lowercase();
    let searched =
        |i: usize| needle.is_empty() || index.haystack.get(i).is_some_and(|h| h.contains(&needle));
    let status = |i: usize| {
        index
            .status
            .get(i)
            .copied()
            .unwrap_or(CertificateStatus::Issued)
    };
    let due = |i: usize| index.validation_due.get(i).is_some_and(Option::is_some);
    let in_month = |i: usize, month: Month| {
        index
            .events
            .get(i)
            .is_some_and(|events| events.iter().any(|e| month_of(e.on) == month))
    };
    let shown = |i: usize| {
        searched(i)
            && query.status.is_none_or(|s| s == status(i))
            && (!query.validation_due || due(i))
            && query.month.is_none_or(|m| in_month(i, m))
    };

    let mut groups: Vec<&Group> = index
        .groups
        .iter()
        .filter(|(t, _)| *t == tab)
        .map(|(_, g)| g)
        .collect();
    let name_key = |g: &&Group| certs[g.root].name.to_lowercase();
    match query.sort {
        SortOrder::ExpirySoonest => groups.sort_by_cached_key(|g| {
            (
                certs[g.root].not_after.is_none(),
                certs[g.root].not_after,
                name_key(g),
            )
        }),
        SortOrder::ExpiryLatest => groups.sort_by_cached_key(|g| {
            (
                certs[g.root].not_after.is_none(),
                std::cmp::Reverse(certs[g.root].not_after),
                name_key(g),
            )
        }),
        SortOrder::MostUrgent => groups.sort_by_cached_key(|g| {
            let urgency = index.urgency.get(g.root).copied().flatten();
            (
                urgency.is_none(),
                urgency.map(|u| u.sort_key()),
                name_key(g),
            )
        }),
        SortOrder::Name => groups.sort_by_cached_key(name_key),
    }

    let mut out = View::default();
    let mut rows = Vec::new();
    let mut counts: HashMap<CertificateStatus, usize> = HashMap::new();
    for group in groups {
        for i in std::iter::once(group.root).chain(group.children.iter().copied()) {
            out.total += 1;
            if searched(i) {
                out.matching += 1;
                out.validation_due += usize::from(due(i));
                *counts.entry(status(i)).or_default() += 1;
            }
        }
        let root_shown = shown(group.root);
        let kids: Vec<usize> = group
            .children
            .iter()
            .copied()
            .filter(|&i| shown(i))
            .collect();
        if root_shown || !kids.is_empty() {
            rows.push(Row {
                index: group.root,
                associated: false,
                context: !root_shown,
            });
            rows.extend(kids.into_iter().map(|index| Row {
                index,
                associated: true,
                context: false,
            }));
        }
    }
    out.rows = Rc::new(rows);
    out.counts = STATUS_ORDER
        .iter()
        .filter_map(|s| counts.get(s).map(|n| (*s, *n)))
        .collect();
    out
}

/// One change to a tab's query; applied to the latest query, so quick
/// successive changes (filter, then type) never undo each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryChange {
    Search(String),
    Status(Option<CertificateStatus>),
    ValidationDue(bool),
    Month(Option<Month>),
    Sort(SortOrder),
    Clear,
}

impl yew::Reducible for ViewQuery {
    type Action = QueryChange;

    fn reduce(self: Rc<Self>, change: QueryChange) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            QueryChange::Search(search) => next.search = search,
            QueryChange::Status(status) => next.status = status,
            QueryChange::ValidationDue(on) => next.validation_due = on,
            QueryChange::Month(month) => next.month = month,
            QueryChange::Sort(sort) => next.sort = sort,
            QueryChange::Clear => next = ViewQuery::default(),
        }
        Rc::new(next)
    }
}
