#!/usr/bin/env bash
# Builds and runs gtm's coverage-guided fuzz targets (libFuzzer, with AddressSanitizer and its
# leak checker) on Linux with the Swift toolchain alone.
#
#   Tests/Fuzz/run.sh                 # each target for 60 seconds
#   Tests/Fuzz/run.sh -runs=10000000  # each target for 10 million executions
#   Tests/Fuzz/run.sh -max_total_time=30 scenario
#
# Targets: scenario (bytes as a scenario file), set (bytes as --set arguments), data (bytes
# as an analog's or the actuals' CSV) and generated (bytes driving the schema's scenario
# generator). Every target judges each plan by its invariants (PlanInvariants). The seed
# corpus is built from the example scenarios, the invalid-scenario corpus and the committed
# seeds in Tests/Fuzz/seeds; what the fuzzer finds is kept in Tests/Fuzz/work (ignored by git).
# A hang is an input that takes over 1 s (5 s for generated, whose scenarios reach the model's work
# limits: a daily refill looks back to every day of a two-year horizon from each week's end, which
# the instrumented build runs some 40 times slower than a release build). Exit status: non-zero
# when a target finds a problem.
#
# GTM_FUZZ_SANITIZER chooses what else is checked besides traps and hangs:
#   address (default)  AddressSanitizer with its leak checker: memory errors in gtm's unsafe
#                      buffers (the simulation's) and leaks
#   leak               LeakSanitizer alone: leaks, at about 1.3-1.5x the speed, for long campaigns
#   none               neither
set -euo pipefail
cd "$(dirname "$0")/../.."

options=()
targets=()
for argument in "$@"; do
  case "$argument" in
    -*) options+=("$argument") ;;
    *) targets+=("$argument") ;;
  esac
done
[ ${#options[@]} -eq 0 ] && options=(-max_total_time=60)
[ ${#targets[@]} -eq 0 ] && targets=(scenario set data generated)

work=Tests/Fuzz/work
sanitizer=${GTM_FUZZ_SANITIZER:-address}
case "$sanitizer" in
  address) flags=(-sanitize=fuzzer,address) ;;
  # swiftc has no -sanitize=leak, but clang links LeakSanitizer's runtime in place of the
  # undefined-behaviour one that -sanitize=fuzzer brings.
  leak) flags=(-sanitize=fuzzer -Xclang-linker -fsanitize=fuzzer,leak) ;;
  none) flags=(-sanitize=fuzzer) ;;
  *) echo "GTM_FUZZ_SANITIZER must be address, leak or none" >&2; exit 2 ;;
esac
mkdir -p "$work"
sources=$(find Sources/GTMKit -name '*.swift' | sort)

# The targets embed the two example scenarios and their data files: `set` starts from them, and in `scenario` they are
# what an `include:` finds. Replaced only when the examples changed: a second run.sh building
# beside this one must not see it change (swiftc stops when an input changes mid-build).
{
  printf 'let baseLamp = """\n'; sed 's/\\/\\\\/g' Scenarios/aurora-lamp.txt; printf '"""\n'
  printf 'let baseCamera = """\n'; sed 's/\\/\\\\/g' Scenarios/ridgeline-kickstarter.txt; printf '"""\n'
  # The data files the examples name (analogs, actuals), by the path the scenario writes.
  printf 'let baseData: [String: String] = [\n'
  for file in Scenarios/data/*.csv; do
    printf '    "%s": """\n' "${file#Scenarios/}"; sed 's/\\/\\\\/g' "$file"; printf '""",\n'
  done
  printf ']\n'
} > "$work/Bases.swift.$$"
if cmp -s "$work/Bases.swift.$$" "$work/Bases.swift"; then rm "$work/Bases.swift.$$"; else mv "$work/Bases.swift.$$" "$work/Bases.swift"; fi

status=0
for target in "${targets[@]}"; do
  case "$target" in
    scenario) entry=Tests/Fuzz/ScenarioFuzz.swift ;;
    set) entry=Tests/Fuzz/SetFuzz.swift ;;
    data) entry=Tests/Fuzz/DataFuzz.swift ;;
    generated) entry="Tests/GTMKitTests/Support/ScenarioGenerator.swift Tests/Fuzz/GeneratedFuzz.swift" ;;
    *) echo "unknown target: $target (scenario, set, data or generated)" >&2; exit 2 ;;
  esac
  timeout=1
  [ "$target" = generated ] && timeout=5
  binary="$work/fuzz-$target-$sanitizer"
  echo "== building $target"
  # shellcheck disable=SC2086
  swiftc "${flags[@]}" -parse-as-library -O -module-name GTMKit -package-name gtm \
    $sources Tests/Fuzz/Harness.swift "$work/Bases.swift" $entry -o "$binary" 2> "$work/build-$target.log" \
    || { cat "$work/build-$target.log" >&2; exit 1; }

  corpus="$work/corpus-$target"
  mkdir -p "$corpus"
  if [ "$target" = scenario ]; then
    cp Scenarios/*.txt Tests/GTMKitTests/Corpus/invalid/*.txt Tests/Fuzz/seeds/scenario/* "$corpus/" 2>/dev/null || true
  elif [ "$target" = data ]; then
    # The first byte picks analog or actuals: seed each file both ways.
    for file in Scenarios/data/*.csv; do
      name=$(basename "$file" .csv)
      { printf '\000'; cat "$file"; } > "$corpus/$name-analog"
      { printf '\001'; cat "$file"; } > "$corpus/$name-actuals"
    done
  elif [ "$target" = generated ]; then
    # Any bytes are a scenario here: a few fixed seeds start the search.
    for seed in 1 2 3 4 5 6 7 8; do head -c 512 < <(yes "$seed" | tr -d '\n') > "$corpus/seed-$seed"; done
    cp Tests/Fuzz/seeds/generated/* "$corpus/" 2>/dev/null || true
  else
    cp Tests/Fuzz/seeds/set/* "$corpus/" 2>/dev/null || true
  fi

  echo "== running $target ${options[*]}"
  # SWIFT_BACKTRACE off: libFuzzer, not Swift's backtracer, must catch a trap to keep its input.
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 LSAN_OPTIONS=allocator_may_return_null=1 "$binary" "$corpus" \
      -timeout="$timeout" -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 -seed=1 \
      -artifact_prefix="$work/$target-" "${options[@]}" 2> "$work/run-$target.log"; then
    status=1
    echo "!! $target found a problem; see $work/run-$target.log and $work/$target-*" >&2
  fi
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|Done [0-9]+ runs" "$work/run-$target.log" || true
done
exit $status
