#!/usr/bin/env bash
# End-to-end check in a real window: runs the game under Xvfb with Mesa's software Vulkan
# (lavapipe), saves a screenshot of every screen in both themes with `--screen … --screenshot …`,
# and fails if the game fails, times out, or a picture is blank (nearly one colour).
#
# Usage: tests/e2e.sh [BINARY] [OUT_DIR]   (defaults: target/debug/cityquiz, shots/)
# Needs: xvfb-run, mesa-vulkan-drivers, libvulkan1 and the X client libraries (see .ci/run).
set -euo pipefail

bin=${1:-${CARGO_TARGET_DIR:-target}/debug/cityquiz}
out=${2:-shots}
screens=(title play quiz results flashcards explore scores settings credits)
mkdir -p "$out"
data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT

here=$(cd "$(dirname "$0")" && pwd)
failed=0
for theme in light dark; do
  for screen in "${screens[@]}"; do
    shot="$out/$screen-$theme.png"
    rm -f "$shot"
    start=$(date +%s%N)
    if ! timeout 180 xvfb-run -a -s "-screen 0 1280x720x24" \
        "$bin" --screen "$screen" --theme "$theme" --data-dir "$data_dir" \
        --screenshot "$shot" >"$out/$screen-$theme.log" 2>&1; then
      echo "FAIL $screen ($theme): the game failed or timed out; log: $out/$screen-$theme.log"
      tail -n 20 "$out/$screen-$theme.log"
      failed=1
      continue
    fi
    took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if ! verdict=$(python3 "$here/png_check.py" "$shot"); then
      echo "FAIL $screen ($theme): $verdict"
      failed=1
      continue
    fi
    printf 'ok   %-11s %-5s %6d ms  %s\n' "$screen" "$theme" "$took_ms" "$verdict"
  done
done
exit $failed
