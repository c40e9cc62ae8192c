# Wheelhouse: the two commands a newcomer needs are `make demo` and `make test`.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(PATH)

.PHONY: demo test setup dev start build cluster-up cluster-down cluster-status seed lint depcheck typecheck bench chaos

## demo: local cluster + demo workloads + production build, then serve the dashboard on http://127.0.0.1:7070
demo:
	@scripts/demo.sh

## test: lint, depcheck, typecheck, unit, integration (real local cluster), build, Playwright e2e
test:
	@scripts/test.sh

## bench: fan-out, event latency, scale (1k/10k/30k pods), bundle size and a 30-minute soak on a private cluster → bench/RESULTS.md
bench:
	@bench/run.sh

## chaos: 10 min of churn + seeded overlapping faults under 5 tabs and 50 protocol clients on a private cluster → artifacts/chaos/<seed>.md (CHAOS_SEED=<n> replays)
chaos:
	@scripts/chaos.sh

## setup: install Node 24, pnpm, dependencies, chromium and the control-plane binaries
setup:
	@scripts/setup.sh

## dev: vite dev server (http://127.0.0.1:5173) + BFF in watch mode against the local cluster
dev:
	@scripts/dev.sh

## start: the production server against your current kubeconfig context
start: build
	@. scripts/toolchain.sh && WHEELHOUSE_STATIC_DIR=apps/web/dist node apps/bff/dist/server.mjs

build:
	@. scripts/toolchain.sh && pnpm build

cluster-up:
	@tools/cluster/cluster up
cluster-down:
	@tools/cluster/cluster down
cluster-status:
	@tools/cluster/cluster status
seed:
	@tools/cluster/cluster seed

lint:
	@. scripts/toolchain.sh && pnpm lint
depcheck:
	@. scripts/toolchain.sh && pnpm depcheck
typecheck:
	@. scripts/toolchain.sh && pnpm typecheck
