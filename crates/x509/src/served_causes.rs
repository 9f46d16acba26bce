//! The parts of a verdict: the checks made, and the documents' causes of
//! "the site still shows the old certificate", each with its fix (FAQ
//! "Post-renewal deployment issues").

use super::chain::ChainReport;

/// The documents' causes of "the site still shows the old certificate".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cause {
    OldFile,
    NotReloaded,
    BrowserCache,
    IntermediateService,
    IncompleteChain,
    OtherSite,
}

impl Cause {
    pub fn title(self) -> &'static str {
        match self {
            Self::OldFile => "The deployed certificate file is not the new one",
            Self::NotReloaded => "The web service was not reloaded",
            Self::BrowserCache => "The browser shows what it cached",
            Self::IntermediateService => "A CDN, WAF, GA or SLB still serves the old certificate",
            Self::IncompleteChain => "The certificate chain is incomplete",
            Self::OtherSite => "The server answers with another site's certificate",
        }
    }

    /// What to do, in the documents' terms.
    pub fn fix(self) -> &'static str {
        match self {
            Self::OldFile => {
                "Confirm the correct certificate file is deployed: put the newly issued certificate file and its private key on the server in place of the original ones."
            }
            Self::NotReloaded => {
                "After replacing the files, restart or reload the web service so it reads them: nginx -s reload, systemctl reload apache2 (or httpd), restart Tomcat, or re-select the certificate in the IIS site binding."
            }
            Self::BrowserCache => {
                "Force-refresh the page (Ctrl+F5), clear the browser cache, or open the site in an incognito/private window, then look again."
            }
            Self::IntermediateService => {
                "If visitors reach the site through a Content Delivery Network (CDN), Web Application Firewall (WAF), Global Accelerator (GA) or Server Load Balancer (SLB), update the certificate in that product's console too: it serves its own copy."
            }
            Self::IncompleteChain => {
                "Deploy the full chain: the server certificate followed by every intermediate certificate. The file your CA issued (or Download here, when Certdesk keeps it) has them in order; use it as Nginx ssl_certificate or Apache SSLCertificateFile (2.4.8+), or add the intermediate as SSLCertificateChainFile."
            }
            Self::OtherSite => {
                "Check that the server block for this host name (Nginx server_name, Apache ServerName in its VirtualHost, the IIS binding with Server Name Indication) uses the new certificate, that the command was run with -servername, and that the domain's DNS points to the server or service that holds the new certificate."
            }
        }
    }
}

/// The outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail,
    /// Cannot be told from what was pasted.
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub label: &'static str,
    pub outcome: Outcome,
    pub detail: String,
}

/// The walkthrough's step 4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServedVerdict {
    pub passed: bool,
    /// One sentence: what was found (kept as the verification record's summary).
    pub headline: String,
    pub checks: Vec<Check>,
    /// Most likely first; empty when passed.
    pub causes: Vec<Cause>,
    /// The served chain analysed, when a chain was pasted.
    pub chain: Option<ChainReport>,
}

pub(super) fn check(label: &'static str, outcome: Outcome, detail: impl Into<String>) -> Check {
    Check {
        label,
        outcome,
        detail: detail.into(),
    }
}

/// The causes that fit a site serving the old certificate; a date read in a
/// browser may also be its cache.
pub(super) fn old_causes(browser: bool) -> Vec<Cause> {
    let mut causes = vec![Cause::OldFile, Cause::NotReloaded];
    if browser {
        causes.push(Cause::BrowserCache);
    }
    causes.push(Cause::IntermediateService);
    causes
}
