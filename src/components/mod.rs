//! One component per file, named after it.
