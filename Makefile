# citegraph — the two commands of the README.
#   make sample   install what is missing, build release, run the pipeline on the bundled corpus
#   make test     install what is missing, run the whole test suite

SWIFT ?= swift

.PHONY: sample test deps release

deps:
	bash scripts/install-system-packages.sh

release: deps
	$(SWIFT) build -c release --product citegraph

sample: release
	.build/release/citegraph run --out .

test: deps
	$(SWIFT) test
