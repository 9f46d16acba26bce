//! What a tab shows: certificates grouped under their original, searched,
//! filtered by status and sorted. Pure, and computed only when its inputs
//! change (never on re-renders such as scrolling): the `Index` once per
//! inventory and date, the `View` once per query. A keystroke at 10,000
//! certificates has a frame's budget for this and the rendering, so the
//! index also keeps the search text in one string (one scan per keystroke)
//! and each tab's group order per sort (sorted on first use, then reused).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::NaiveDate;

use super::inventory::Inventory;
use super::route::Tab;
use super::timeline::{LoadEvent, Month, load_events, month_of};
use super::validation_clock::ClockInputs;
use crate::rules::sort;
use crate::rules::{
    CertificateKind, CertificateStatus, LifecycleState, Urgency, renewal_urgency, status_at,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
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
    /// Where each certificate's original (`association.original`) is, when it is there.
    pub original: Vec<Option<usize>>,
    search: SearchText,
    groups: Vec<(Tab, Group)>,
    orders: Orders,
}

/// Name, resource ID and domains of every certificate, lowercase, in one
/// string: certificate `i` is `text[starts[i]..starts[i + 1] - 1]`, each
/// followed by `SEPARATOR`, so a needle without it matches within one certificate.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct SearchText {
    text: String,
    starts: Vec<usize>,
}

const SEPARATOR: char = '\0';

impl SearchText {
    fn new<'a>(texts: impl Iterator<Item = String> + 'a) -> Self {
        let mut out = SearchText::default();
        for text in texts {
            out.starts.push(out.text.len());
            out.text.push_str(&text);
            out.text.push(SEPARATOR);
        }
        out.starts.push(out.text.len());
        out
    }

    fn of(&self, i: usize) -> &str {
        &self.text[self.starts[i]..self.starts[i + 1] - SEPARATOR.len_utf8()]
    }

    /// Whether each certificate's text contains `needle` (lowercase, not empty).
    fn matches(&self, needle: &str) -> Vec<bool> {
        let n = self.starts.len() - 1;
        if needle.contains(SEPARATOR) {
            return (0..n).map(|i| self.of(i).contains(needle)).collect();
        }
        let mut hit = vec![false; n];
        let mut from = 0;
        while let Some(at) = self.text[from..].find(needle).map(|at| from + at) {
            let i = self.starts.partition_point(|&s| s <= at) - 1;
            hit[i] = true;
            // The rest of this certificate cannot make it match more.
            from = self.starts[i + 1];
        }
        hit
    }
}

/// Each tab's groups (positions in `Index::groups`) per sort order, sorted on
/// first use. Derived from the rest of the index, so left out of comparisons.
#[derive(Clone, Debug, Default)]
struct Orders(RefCell<HashMap<(Tab, SortOrder), GroupOrder>>);

type GroupOrder = Rc<[usize]>;

impl PartialEq for Orders {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Orders {}

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
    // The first certificate of an ID, as `Inventory::find` answers.
    let mut position: HashMap<&str, usize> = HashMap::with_capacity(certs.len());
    for (i, c) in certs.iter().enumerate() {
        position.entry(c.id.as_str()).or_insert(i);
    }
    let original: Vec<Option<usize>> = certs
        .iter()
        .map(|c| {
            c.association
                .as_ref()
                .and_then(|a| position.get(a.original.as_str()).copied())
        })
        .collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for (i, parent) in original.iter().enumerate() {
        match *parent {
            Some(parent) if parent != i => children.entry(parent).or_default().push(i),
            _ => roots.push(i),
        }
    }
    let groups = roots
        .into_iter()
        .map(|root| {
            let mut kids = children.remove(&root).unwrap_or_default();
            sort::sort_by_key(&mut kids, |&i| {
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
        original,
        search: SearchText::new(
            certs
                .iter()
                .map(|c| format!("{}\n{}\n{}", c.name, c.id, c.domains.join("\n")).to_lowercase()),
        ),
        groups,
        orders: Orders::default(),
    }
}

impl Index {
    /// The groups of `tab` in `sort` order, as positions in `groups`.
    fn order(&self, inventory: &Inventory, tab: Tab, sort: SortOrder) -> GroupOrder {
        if let Some(order) = self.orders.0.borrow().get(&(tab, sort)) {
            return order.clone();
        }
        let order: GroupOrder = sorted_groups(inventory, self, tab, sort).into();
        self.orders
            .0
            .borrow_mut()
            .insert((tab, sort), order.clone());
        order
    }
}

fn sorted_groups(inventory: &Inventory, index: &Index, tab: Tab, sort: SortOrder) -> Vec<usize> {
    let certs = &inventory.certificates;
    let mut groups: Vec<usize> = index
        .groups
        .iter()
        .enumerate()
        .filter(|(_, (t, _))| *t == tab)
        .map(|(g, _)| g)
        .collect();
    let root = |g: usize| index.groups[g].1.root;
    let name_key = |g: usize| certs[root(g)].name.to_lowercase();
    match sort {
        SortOrder::ExpirySoonest => sort::sort_by_cached_key(&mut groups, |&g| {
            let not_after = certs[root(g)].not_after;
            (not_after.is_none(), not_after, name_key(g))
        }),
        SortOrder::ExpiryLatest => sort::sort_by_cached_key(&mut groups, |&g| {
            let not_after = certs[root(g)].not_after;
            (
                not_after.is_none(),
                std::cmp::Reverse(not_after),
                name_key(g),
            )
        }),
        SortOrder::MostUrgent => sort::sort_by_cached_key(&mut groups, |&g| {
            let urgency = index.urgency.get(root(g)).copied().flatten();
            (
                urgency.is_none(),
                urgency.map(|u| u.sort_key()),
                name_key(g),
            )
        }),
        SortOrder::Name => sort::sort_by_cached_key(&mut groups, |&g| name_key(g)),
    }
    groups
}

/// The rows of `tab` for `query`.
pub fn view(inventory: &Inventory, index: &Index, tab: Tab, query: &ViewQuery) -> View {
    let needle = query.search.trim().to_lowercase();
    let hits = (!needle.is_empty()).then(|| index.search.matches(&needle));
    let searched = |i: usize| {
        hits.as_ref()
            .is_none_or(|hits| hits.get(i).copied().unwrap_or(false))
    };
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
    // Searched already: the rest of the query.
    let filtered = |i: usize| {
        query.status.is_none_or(|s| s == status(i))
            && (!query.validation_due || due(i))
            && query.month.is_none_or(|m| in_month(i, m))
    };

    let mut out = View::default();
    let mut rows = Vec::new();
    let mut counts = [0_usize; STATUS_ORDER.len()];
    let mut kids: Vec<usize> = Vec::new();
    for &g in index.order(inventory, tab, query.sort).iter() {
        let group = &index.groups[g].1;
        let mut root_shown = false;
        kids.clear();
        for (k, i) in std::iter::once(group.root)
            .chain(group.children.iter().copied())
            .enumerate()
        {
            out.total += 1;
            if !searched(i) {
                continue;
            }
            out.matching += 1;
            out.validation_due += usize::from(due(i));
            if let Some(slot) = STATUS_ORDER.iter().position(|s| *s == status(i)) {
                counts[slot] += 1;
            }
            match (k, filtered(i)) {
                (0, shown) => root_shown = shown,
                (_, true) => kids.push(i),
                (_, false) => {}
            }
        }
        if root_shown || !kids.is_empty() {
            rows.push(Row {
                index: group.root,
                associated: false,
                context: !root_shown,
            });
            rows.extend(kids.iter().map(|&index| Row {
                index,
                associated: true,
                context: false,
            }));
        }
    }
    out.rows = Rc::new(rows);
    out.counts = STATUS_ORDER
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| (*s, n))
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
