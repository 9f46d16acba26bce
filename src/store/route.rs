//! Where the user is: the selected tab, kept in the URL hash so that reload
//! and the back button keep it (`#/official`, `#/uploaded`).

/// The two tabs of the page, in the documents' words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tab {
    Official,
    Uploaded,
}

impl Tab {
    pub const ALL: [Tab; 2] = [Tab::Official, Tab::Uploaded];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Official => "Official Certificate",
            Tab::Uploaded => "Uploaded",
        }
    }

    /// Stable slug used in the hash and in element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Tab::Official => "official",
            Tab::Uploaded => "uploaded",
        }
    }
}

/// A page of the app, as the URL hash names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Tab(Tab),
    /// Debug builds only: renders a component that panics, to prove the recovery screen.
    DebugPanic,
}

impl Default for Route {
    fn default() -> Self {
        Route::Tab(Tab::Official)
    }
}

impl Route {
    /// Parses `location.hash` ("#/uploaded", "#/official/", "" ...). Unknown hashes give `None`.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let path = hash.trim_start_matches('#').trim_matches('/');
        match path {
            "" | "official" => Some(Route::Tab(Tab::Official)),
            "uploaded" => Some(Route::Tab(Tab::Uploaded)),
            "debug/panic" if cfg!(debug_assertions) => Some(Route::DebugPanic),
            _ => None,
        }
    }

    pub fn hash(self) -> String {
        match self {
            Route::Tab(tab) => format!("#/{}", tab.slug()),
            Route::DebugPanic => "#/debug/panic".to_string(),
        }
    }

    pub fn tab(self) -> Tab {
        match self {
            Route::Tab(tab) => tab,
            Route::DebugPanic => Tab::Official,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip_and_unknown_ones_are_refused() {
        for tab in Tab::ALL {
            let route = Route::Tab(tab);
            assert_eq!(Route::from_hash(&route.hash()), Some(route));
        }
        assert_eq!(Route::from_hash(""), Some(Route::Tab(Tab::Official)));
        assert_eq!(
            Route::from_hash("#/uploaded/"),
            Some(Route::Tab(Tab::Uploaded))
        );
        assert_eq!(Route::from_hash("#/nowhere"), None);
        assert_eq!(Route::from_hash("#/UPLOADED"), None);
    }

    #[test]
    fn the_panic_route_exists_only_in_debug_builds() {
        assert_eq!(
            Route::from_hash("#/debug/panic").is_some(),
            cfg!(debug_assertions)
        );
    }
}
