//! Debug builds only (`#/debug/panic`): panics while rendering, so tests can
//! prove that a panic shows the recovery screen instead of a dead page.

use yew::prelude::*;

#[component]
pub fn DebugPanic() -> Html {
    panic!("deliberate panic from #/debug/panic (debug builds only)")
}
