//! `cargo bench --bench rules`: time to evaluate `plan_order` (the entry point
//! a screen calls) for 100,000 varied certificates, natively.

use std::hint::black_box;
use std::time::Instant;

use certdesk::rules::*;
use chrono::{Days, NaiveDate};

const CERTIFICATES: usize = 100_000;
const RUNS: usize = 7;

/// A small deterministic generator: the bench needs variety, not randomness.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn request(rng: &mut Lcg, today: NaiveDate, i: usize) -> OrderRequest {
    let spec = Specification {
        brand: rng.pick(&Brand::ALL),
        validation: rng.pick(&ValidationType::ALL),
        domain_type: rng.pick(&DomainType::ALL),
    };
    let domains: Vec<String> = match spec.domain_type {
        DomainType::Single if i.is_multiple_of(7) => vec![format!("192.0.2.{}", i % 250)],
        DomainType::Single if i.is_multiple_of(11) => vec![format!("b\u{FC}cher-{i}.example")],
        DomainType::Single => vec![format!("www{i}.example.com")],
        DomainType::Wildcard => vec![format!("*.svc{i}.example.net")],
        DomainType::MultiDomain => (0..1 + rng.below(5))
            .map(|k| format!("h{k}.site{i}.example.org"))
            .collect(),
    };
    // Expiry from 400 days ago to 400 days ahead of today.
    let not_after = today + Days::new(rng.below(800) as u64) - Days::new(400);
    let not_before = not_after - Days::new(365);
    let kind = rng.pick(&CertificateKind::ALL);
    let key_algorithm = rng.pick(&KeyAlgorithm::ALL);
    let cert = Certificate {
        name: format!("cert {i}"),
        pca: i.is_multiple_of(13),
        state: rng.pick(&[
            LifecycleState::Issued,
            LifecycleState::Issued,
            LifecycleState::PendingApplication,
        ]),
        not_before: Some(not_before),
        not_after: Some(not_after),
        term_start: Some(not_before),
        term_end: Some(not_after),
        verification: rng.pick(&VerificationMethod::ALL),
        dns_in_same_account: i.is_multiple_of(2),
        validation_free: i.is_multiple_of(5),
        contact: Contact {
            name: "Li Wei".into(),
            email: format!("ops{i}@example.com"),
            phone: "+86 138 0013 8000".into(),
        },
        csr_mode: Some(CsrMode::Automatic),
        ..Certificate::new(
            format!("cas-{i}"),
            kind,
            spec,
            key_algorithm,
            domains.clone(),
        )
    };
    let mut req = match i % 10 {
        0 => OrderRequest::new_purchase(spec, domains),
        1..=6 => OrderRequest::renewal_of(&cert),
        _ => OrderRequest::purchase_for(&cert),
    };
    req.years = 1 + rng.below(3) as u8;
    req.csr_mode = rng.pick(&CsrMode::ALL);
    req.manual_csr_key_algorithm = Some(rng.pick(&KeyAlgorithm::ALL));
    req
}

fn main() {
    let mut rng = Lcg(0x5eed);
    // Orders placed over 2025..2031, across every SC-081 step.
    let todays: Vec<NaiveDate> = (0..CERTIFICATES)
        .map(|_| date(2025, 1, 1) + Days::new(rng.below(6 * 365) as u64))
        .collect();
    let requests: Vec<OrderRequest> = todays
        .iter()
        .enumerate()
        .map(|(i, today)| request(&mut rng, *today, i))
        .collect();
    let quotas = Quotas {
        units: Specification::all().into_iter().map(|s| (s, 2)).collect(),
        managed_service: 3,
    };
    let prices = PriceTable {
        currency: "USD".into(),
        unit_prices: Specification::all()
            .into_iter()
            .map(|s| (s, 10_000))
            .collect(),
        managed_service: 1_500,
    };

    let mut runs_ms = Vec::with_capacity(RUNS);
    let mut submittable = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        submittable = 0;
        for (req, today) in requests.iter().zip(&todays) {
            let plan = plan_order(black_box(req), &quotas, &prices, *today);
            submittable += usize::from(plan.can_submit);
            black_box(plan);
        }
        runs_ms.push(start.elapsed().as_secs_f64() * 1_000.0);
    }
    runs_ms.sort_by(f64::total_cmp);
    let median = runs_ms[RUNS / 2];
    println!(
        "plan_order x {CERTIFICATES}: median {median:.1} ms over {RUNS} runs ({:.2} µs per certificate; \
         min {:.1} ms, max {:.1} ms; {submittable} submittable)",
        median * 1_000.0 / CERTIFICATES as f64,
        runs_ms[0],
        runs_ms[RUNS - 1],
    );
}
