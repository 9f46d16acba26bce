//! Code loaded on first use. The release build (`scripts/build-split`, the
//! `split` feature) cuts the module at each [`lazy_chunk!`]: what only a
//! chunk's value reaches (a dialog, the upload tools, the REST client...)
//! goes into its own `.wasm` file, fetched the first time it is needed, and
//! the first load carries only the console itself. Without the feature
//! (native tests, browser tests, `trunk serve`) a chunk is an ordinary value
//! that is ready at once, so the same code runs either way.
//!
//! A chunk's value is `Copy` (a function pointer or a table of them): once
//! loaded it is kept for the page's life, and calling it is synchronous, so
//! a component renders a loaded chunk in the same frame (`use_chunk`).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;

/// A chunk's `.wasm` could not be fetched or instantiated (offline, the
/// server lost the file). Nothing is cached: the next use tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadError;

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "This part of Certdesk could not be downloaded. Check the connection, then try again.",
        )
    }
}

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for LoadError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadError
    }
}

type LoadFuture<T> = Pin<Box<dyn Future<Output = Result<T, LoadError>>>>;

/// One lazily loaded value; declare with [`lazy_chunk!`].
pub struct Lazy<T: Copy + 'static> {
    #[doc(hidden)]
    pub loaded: &'static LocalKey<Cell<Option<T>>>,
    #[doc(hidden)]
    pub load: fn() -> LoadFuture<T>,
    /// Without the `split` feature, the value itself: ready at once.
    #[doc(hidden)]
    pub eager: Option<fn() -> T>,
    /// A download started by [`Lazy::preload`] is under way.
    #[doc(hidden)]
    pub preloading: &'static LocalKey<Cell<bool>>,
}

impl<T: Copy + 'static> Lazy<T> {
    /// The value, if its chunk is already here.
    pub fn now(&'static self) -> Option<T> {
        self.eager
            .map(|value| value())
            .or_else(|| self.loaded.with(Cell::get))
    }

    /// The value, fetching its chunk the first time.
    pub async fn get(&'static self) -> Result<T, LoadError> {
        if let Some(value) = self.now() {
            return Ok(value);
        }
        let value = (self.load)().await?;
        self.loaded.with(|l| l.set(Some(value)));
        Ok(value)
    }

    /// Starts the download in the background, once at a time, so the chunk
    /// is likely here when it is used. A failure is reported by the use.
    pub fn preload(&'static self) {
        if self.now().is_some() || self.preloading.with(|p| p.replace(true)) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let _ = self.get().await;
            self.preloading.with(|p| p.set(false));
        });
    }
}

/// `lazy_chunk!(pub static NAME: Type = chunk_name => value);` declares a
/// [`Lazy`] whose `value` (and all the code only it reaches) is split into
/// `split_chunk_name.wasm` in the split build. Chunks that share code share it
/// through a common file the splitter makes.
#[macro_export]
macro_rules! lazy_chunk {
    ($(#[$meta:meta])* $vis:vis static $name:ident: $ty:ty = $chunk:ident => $value:expr $(;)?) => {
        $(#[$meta])*
        $vis static $name: $crate::chunks::Lazy<$ty> = {
            ::std::thread_local! {
                static LOADED: ::std::cell::Cell<::std::option::Option<$ty>> =
                    const { ::std::cell::Cell::new(::std::option::Option::None) };
                static PRELOADING: ::std::cell::Cell<bool> = const { ::std::cell::Cell::new(false) };
            }
            #[cfg(feature = "split")]
            #[allow(non_snake_case)]
            #[::wasm_split_helpers::wasm_split($chunk, fallible)]
            fn $name() -> ::std::result::Result<$ty, $crate::chunks::LoadError> {
                ::std::result::Result::Ok($value)
            }
            #[cfg(feature = "split")]
            const EAGER: ::std::option::Option<fn() -> $ty> = ::std::option::Option::None;
            #[cfg(not(feature = "split"))]
            #[allow(non_snake_case)]
            async fn $name() -> ::std::result::Result<$ty, $crate::chunks::LoadError> {
                ::std::result::Result::Ok($value)
            }
            #[cfg(not(feature = "split"))]
            const EAGER: ::std::option::Option<fn() -> $ty> = ::std::option::Option::Some(|| $value);
            $crate::chunks::Lazy {
                loaded: &LOADED,
                load: || ::std::boxed::Box::pin($name()),
                eager: EAGER,
                preloading: &PRELOADING,
            }
        };
    };
}

#[cfg(all(test, not(feature = "split")))]
mod tests {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    fn double(n: u32) -> u32 {
        n * 2
    }

    crate::lazy_chunk!(static DOUBLE: fn(u32) -> u32 = test_chunk => double as fn(u32) -> u32);

    #[test]
    fn unsplit_a_chunk_is_ready_at_once_and_get_resolves_without_waiting() {
        assert_eq!(DOUBLE.now().map(|f| f(21)), Some(42));
        let mut get = pin!(DOUBLE.get());
        let mut cx = Context::from_waker(Waker::noop());
        match get.as_mut().poll(&mut cx) {
            Poll::Ready(Ok(f)) => assert_eq!(f(4), 8),
            other => panic!("not ready at once: {:?}", other.map(|r| r.map(|f| f(1)))),
        }
    }
}
