# Certdesk: `make serve` to run the app, `make test` to run every test.
# Every target that needs tools runs scripts/setup first (fast when all is there).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/tests/e2e/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Property tests (proptest) draw the same cases on every `make` run, so CI's
# verdict never depends on the run; a plain `cargo test` draws new ones, and
# `PROPTEST_RNG_SEED=<n> make test-native` another fixed set.
export PROPTEST_RNG_SEED ?= 20261130
PORT ?= 8080
WASM := --target wasm32-unknown-unknown

.PHONY: setup serve serve-api server build test lint test-native test-server-postgres soak test-native-clock test-browser test-e2e bench clean

setup:
	@scripts/setup

## Serve the app with its demo inventory on http://127.0.0.1:$(PORT), rebuilding on change.
serve: setup
	# The dev build (unsplit, unoptimised) goes to target/serve-dist, so it never
	# replaces the release build that `make build` leaves in dist/.
	trunk serve --address 127.0.0.1 --port $(PORT) --dist target/serve-dist

## The app and the reference REST server on one origin, http://127.0.0.1:$(PORT):
## certdesk-server keeps the inventory in $(API_DB) (SQLite), makes a demo
## account on first start and prints the address to open (with its token).
API_DB ?= certdesk.db
serve-api: build
	cargo build --release -p certdesk-server
	target/release/certdesk-server serve --db $(API_DB) --listen 127.0.0.1:$(PORT) --dist dist --demo

## The reference server, as the e2e tests run it (debug build, target/debug/certdesk-server).
## `--workspace`: the features `cargo test --workspace` uses, so few crates build twice.
server: setup
	cargo build --workspace --bin certdesk-server

## Release build into dist/ (wasm-opt -Oz, opt-level z, LTO): host it on any static server.
## scripts/check-dist then fails if index.html has inline script or style (strict CSP, README).
build: setup
	trunk build --release
	scripts/split-wasm dist
	scripts/check-dist dist
	scripts/compress-dist dist

## Every test: formatting, lints (native and wasm32), native (also with the clock
## moved years ahead and back), browser, end-to-end.
test: setup lint test-native test-native-clock test-browser test-e2e
	@echo "make test: all passed"

lint:
	cargo fmt --all --check
	scripts/check-layers
	scripts/check-openapi
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --exclude certdesk-server --all-targets $(WASM) -- -D warnings
	cargo clippy -p certdesk --lib --bins $(WASM) --features split -- -D warnings

test-native:
	cargo test --workspace
	$(MAKE) test-server-postgres

# The server's tests again on PostgreSQL: each test binary starts a throwaway
# cluster on loopback (server/scripts/pg-throwaway) and removes it at its end.
# `--workspace` with the server's test targets (not `-p certdesk-server`): the
# same features as `cargo test --workspace`, so nothing is compiled a second time.
SERVER_TESTS := $(patsubst server/tests/%.rs,--test %,$(wildcard server/tests/*.rs))
test-server-postgres:
	CERTDESK_TEST_DB=postgres cargo test --workspace $(SERVER_TESTS)

# The native tests again under faketime, +1100 and -400 days: no test may depend on the day it runs.
test-native-clock:
	scripts/test-clock-moved

# Integration tests under tests/*.rs, in headless Chromium (wasm-bindgen-test-runner).
# ChromeDriver makes a profile directory (~80 MB) per test binary under TMPDIR and
# leaves it behind: TMPDIR points into target/ for the run and is removed after it.
BROWSER_TMP := $(CURDIR)/target/browser-tmp
test-browser:
	rm -rf $(BROWSER_TMP) && mkdir -p $(BROWSER_TMP)
	TMPDIR=$(BROWSER_TMP) cargo test $(WASM) --test '*' || { rm -rf $(BROWSER_TMP); exit 1; }
	rm -rf $(BROWSER_TMP)

test-e2e: build server
	node tests/e2e/run.mjs

## Load and faults on the reference server (figures, not a test): 50 clients for 20 s
## per run on SQLite (1 server) and PostgreSQL (2 replicas, throwaway cluster), with
## the server SIGKILLed, a replica killed, the database restarted and client timeouts;
## checks after each run that no acknowledged order is missing or doubled and the
## quota adds up. SOAK_ARGS="--clients 20 --seconds 10 --db postgres" to change it.
SOAK_ARGS ?=
soak: setup
	cargo build --release -p certdesk-server --bin certdesk-server --example certdesk-soak
	target/release/examples/certdesk-soak --server target/release/certdesk-server $(SOAK_ARGS)

## Figures: rules natively, the bundle's composition (twiggy), then the release
## build in headless Chromium, beside a Yew hello-world built the same way.
bench: build
	cargo bench --bench rules
	cargo bench -p certdesk-x509 --bench inputs
	scripts/bundle-composition
	cd bench/hello && trunk build --release
	node tests/e2e/bench.mjs
	node tests/e2e/bench-hello.mjs
	node tests/e2e/bench-x509.mjs

clean:
	cargo clean
	rm -rf dist tests/e2e/artifacts
