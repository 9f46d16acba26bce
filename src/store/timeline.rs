//! The renewal timeline: for one certificate, its term, the SC-081 chain that
//! covers it, the Managed Service starts that follow it and its
//! domain-validation deadlines; for the inventory, what falls in each of the
//! next 12 months. Pure: every date comes from the caller.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::inventory::Inventory;
use super::validation_clock::ClockInputs;
use crate::rules::sort;
use crate::rules::{
    Certificate, DomainClock, Issuance, LifecycleState, PlannedKind, Term, ValidityBasis, cap_on,
    issuance_chain, planned_issuances, service_end, validity_days, validity_on,
};

/// A calendar month, as `(year, month 1..=12)`.
pub type Month = (i32, u32);

pub fn month_of(day: NaiveDate) -> Month {
    (day.year(), day.month())
}

pub fn next_month((year, month): Month) -> Month {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

/// "2027-01".
pub fn month_label((year, month): Month) -> String {
    format!("{year}-{month:02}")
}

/// Where one certificate of the chain stands on the day asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Issued before the current one, as the SC-081 schedule issues them
    /// (the record keeps only the current certificate).
    Earlier,
    Current,
    Planned,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainEntry {
    pub issuance: Issuance,
    pub phase: Phase,
}

/// The Managed Service start of a Not Activated certificate that follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManagedStart {
    pub on: NaiveDate,
    pub record_id: String,
    pub name: String,
}

/// Everything the timeline of one certificate draws.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertTimeline {
    /// The paid term, or the certificate's own validity when it has none.
    pub span: (NaiveDate, NaiveDate),
    /// True when `span` is a paid term (Official records).
    pub paid_term: bool,
    pub chain: Vec<ChainEntry>,
    pub starts: Vec<ManagedStart>,
    pub clocks: Vec<DomainClock>,
    pub today: NaiveDate,
}

impl CertTimeline {
    /// The first and last day anything on the timeline happens (today included).
    pub fn extent(&self) -> (NaiveDate, NaiveDate) {
        let mut days = vec![self.span.0, self.span.1, self.today];
        days.extend(
            self.chain
                .iter()
                .flat_map(|c| [c.issuance.from, c.issuance.to]),
        );
        days.extend(self.starts.iter().map(|s| s.on));
        for clock in &self.clocks {
            days.extend(clock.reuse_until);
            days.extend(clock.due_on());
        }
        let first = days.iter().min().copied().unwrap_or(self.today);
        let last = days.iter().max().copied().unwrap_or(self.today);
        (first, last)
    }
}

/// Index of a certificate -> the Not Activated ones (by index) that follow it.
fn successor_map(inventory: &Inventory) -> HashMap<usize, Vec<usize>> {
    let links = inventory.links();
    let mut map: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, cert) in inventory.certificates.iter().enumerate() {
        if cert.state == LifecycleState::NotActivated
            && let Some(prev) = inventory.predecessor_with(&links, cert)
            && let Some(&p) = links.by_id.get(&prev.id)
        {
            map.entry(p).or_default().push(i);
        }
    }
    map
}

fn issuance(from: NaiveDate, to: NaiveDate) -> Issuance {
    Issuance {
        from,
        to,
        days: validity_days(from, to),
        cap: cap_on(from),
    }
}

/// The certificates covering `cert`'s term: the schedule's ones before the
/// current certificate, the current one as recorded, then the planned reissues.
fn chain_of(cert: &Certificate, planned: &[(NaiveDate, PlannedKind)]) -> Vec<ChainEntry> {
    let current = cert.not_before.zip(cert.not_after);
    let mut chain = Vec::new();
    if let (Some(start), Some(end)) = (cert.term_start, cert.term_end) {
        let scheduled = issuance_chain(&Term {
            start,
            end,
            carried_over_days: 0,
        })
        .unwrap_or_default();
        let before = |i: &Issuance| current.is_some_and(|(nb, _)| i.from < nb);
        let phase = if current.is_some() {
            Phase::Earlier
        } else {
            Phase::Planned
        };
        chain.extend(
            scheduled
                .into_iter()
                .filter(|i| current.is_none() || before(i))
                .map(|issuance| ChainEntry { issuance, phase }),
        );
    }
    if let Some((nb, na)) = current {
        chain.push(ChainEntry {
            issuance: issuance(nb, na),
            phase: Phase::Current,
        });
    }
    let term_end = cert.term_end.or(cert.not_after);
    for (on, kind) in planned {
        if *kind != PlannedKind::InTermReissue {
            continue;
        }
        let last = u64::try_from(cap_on(*on).issue_days - 1)
            .ok()
            .and_then(|n| on.checked_add_days(chrono::Days::new(n)));
        let to = match (last, term_end) {
            (Some(last), Some(end)) => last.min(end),
            (last, end) => last.or(end).unwrap_or(*on),
        };
        chain.push(ChainEntry {
            issuance: issuance(*on, to),
            phase: Phase::Planned,
        });
    }
    chain
}

/// The timeline of the certificate `id`, or `None` when it has no dates yet.
pub fn cert_timeline(inventory: &Inventory, id: &str, today: NaiveDate) -> Option<CertTimeline> {
    let index = inventory.position(id)?;
    let cert = inventory.certificates.get(index)?;
    let (span, paid_term) = match (cert.term_start, cert.term_end) {
        (Some(start), Some(end)) => ((start, end), true),
        _ => (cert.not_before.zip(cert.not_after)?, false),
    };
    let next: Vec<&Certificate> = successor_map(inventory)
        .remove(&index)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| inventory.certificates.get(i))
        .collect();
    let planned = planned_issuances(cert, &next, today);
    let kinds: Vec<(NaiveDate, PlannedKind)> = planned.iter().map(|p| (p.on, p.kind)).collect();
    let starts = planned
        .iter()
        .filter(|p| p.kind == PlannedKind::ManagedServiceStart)
        .map(|p| ManagedStart {
            on: p.on,
            record_id: p.record_id.clone(),
            name: inventory
                .find(&p.record_id)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| p.record_id.clone()),
        })
        .collect();
    Some(CertTimeline {
        span,
        paid_term,
        chain: chain_of(cert, &kinds),
        starts,
        clocks: ClockInputs::new(inventory).clocks(index, today),
        today,
    })
}

/// What falls on a day of the next 12 months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LoadKind {
    /// The paid service ends (the term's end, else the certificate's).
    Expiry,
    ManagedServiceStart,
    InTermReissue,
    /// A planned issuance needs a fresh domain validation by this day.
    Validation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadEvent {
    pub on: NaiveDate,
    pub kind: LoadKind,
}

/// One month of the inventory's next 12.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MonthLoad {
    pub month: Month,
    pub expiries: usize,
    pub starts: usize,
    pub reissues: usize,
    pub validations: usize,
}

impl MonthLoad {
    pub fn total(&self) -> usize {
        self.expiries + self.starts + self.reissues + self.validations
    }
}

/// The 12 months from `today`'s on.
pub fn next_12_months(today: NaiveDate) -> Vec<Month> {
    std::iter::successors(Some(month_of(today)), |m| Some(next_month(*m)))
        .take(12)
        .collect()
}

/// Each certificate's events from `today` to the end of the 12th month, by
/// index into `inventory.certificates`. A Managed Service start, the new
/// certificate's own reissues and the end of its term belong to the Not
/// Activated record that starts; a validation to the certificate whose
/// domains need it.
pub fn load_events(inventory: &Inventory, today: NaiveDate) -> Vec<Vec<LoadEvent>> {
    let certs = &inventory.certificates;
    let months = next_12_months(today);
    let in_window = |d: NaiveDate| d >= today && months.contains(&month_of(d));
    let mut events: Vec<Vec<LoadEvent>> = vec![Vec::new(); certs.len()];
    let clocks = ClockInputs::new(inventory);
    let successors = successor_map(inventory);
    let mut push = |i: usize, on: NaiveDate, kind: LoadKind| {
        if in_window(on)
            && let Some(list) = events.get_mut(i)
        {
            list.push(LoadEvent { on, kind });
        }
    };
    for (i, cert) in certs.iter().enumerate() {
        if cert.state != LifecycleState::Issued {
            continue;
        }
        let end = service_end(cert);
        if let Some(end) = end {
            push(i, end, LoadKind::Expiry);
        }
        let next: Vec<&Certificate> = successors
            .get(&i)
            .into_iter()
            .flatten()
            .filter_map(|&j| certs.get(j))
            .collect();
        for p in planned_issuances(cert, &next, today) {
            match p.kind {
                PlannedKind::InTermReissue => push(i, p.on, LoadKind::InTermReissue),
                PlannedKind::ManagedServiceStart => {
                    let Some(j) = successors
                        .get(&i)
                        .into_iter()
                        .flatten()
                        .copied()
                        .find(|&j| certs.get(j).is_some_and(|c| c.id == p.record_id))
                    else {
                        continue;
                    };
                    push(j, p.on, LoadKind::ManagedServiceStart);
                    // The started certificate's term, as the activation issues it.
                    let Some(previous_end) = end else { continue };
                    if let Ok(v) = validity_on(ValidityBasis::CarryOver { previous_end }, p.on) {
                        for later in v.chain.iter().skip(1) {
                            push(j, later.from, LoadKind::InTermReissue);
                        }
                        push(j, v.term.end, LoadKind::Expiry);
                    }
                }
            }
        }
        let mut due: Vec<NaiveDate> = clocks
            .clocks(i, today)
            .iter()
            .filter_map(DomainClock::due_on)
            .collect();
        sort::sort(&mut due);
        due.dedup();
        for on in due {
            push(i, on, LoadKind::Validation);
        }
    }
    events
}

/// The counts of each of the next 12 months over the certificates `of`.
pub fn month_load(
    events: &[Vec<LoadEvent>],
    of: impl IntoIterator<Item = usize>,
    today: NaiveDate,
) -> Vec<MonthLoad> {
    let mut load: Vec<MonthLoad> = next_12_months(today)
        .into_iter()
        .map(|month| MonthLoad {
            month,
            ..Default::default()
        })
        .collect();
    for i in of {
        for e in events.get(i).into_iter().flatten() {
            if let Some(m) = load.iter_mut().find(|m| m.month == month_of(e.on)) {
                match e.kind {
                    LoadKind::Expiry => m.expiries += 1,
                    LoadKind::ManagedServiceStart => m.starts += 1,
                    LoadKind::InTermReissue => m.reissues += 1,
                    LoadKind::Validation => m.validations += 1,
                }
            }
        }
    }
    load
}
