#!/usr/bin/env bash
# End-to-end check in a real window: runs the game under Xvfb with Mesa's software Vulkan
# (lavapipe), saves a screenshot of every screen in both themes with `--screen … --screenshot …`,
# plus the quizzes and the map in the states a player sees most, reached by the game's own
# automation script (`--steps`: keys, clicks and answers as a player gives them), and fails if
# the game fails, times out, or a picture is blank (nearly one colour).
#
# Usage: tests/e2e.sh [BINARY] [OUT_DIR]   (defaults: target/debug/cityquiz, shots/)
# Needs: xvfb-run, mesa-vulkan-drivers, libvulkan1 and the X client libraries (see .ci/run).
set -euo pipefail

bin=${1:-${CARGO_TARGET_DIR:-target}/debug/cityquiz}
out=${2:-shots}
mkdir -p "$out"
data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
failed=0

# shoot NAME ARGS…: one run of the game that saves $out/NAME.png. The run must exit with
# $expect_exit (0 unless the caller sets it).
shoot() {
  local name=$1
  shift
  local shot="$out/$name.png" start took_ms verdict code=0
  rm -f "$shot"
  start=$(date +%s%N)
  timeout 180 xvfb-run -a -s "-screen 0 1280x720x24" \
    "$bin" "$@" --data-dir "${shot_data_dir:-$data_dir}" --screenshot "$shot" >"$out/$name.log" 2>&1 || code=$?
  if [[ $code != "${expect_exit:-0}" ]]; then
    echo "FAIL $name: exit code $code, expected ${expect_exit:-0} (124: timed out); log: $out/$name.log"
    tail -n 20 "$out/$name.log"
    failed=1
    return
  fi
  took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  if ! verdict=$(python3 "$here/png_check.py" "$shot"); then
    echo "FAIL $name: $verdict"
    failed=1
    return
  fi
  printf 'ok   %-24s %6d ms  %s\n' "$name" "$took_ms" "$verdict"
}

for theme in light dark; do
  for screen in title play quiz results flashcards explore scores settings credits; do
    shoot "$screen-$theme" --screen "$screen" --theme "$theme" --seed 2
  done
done
# The map zoomed into the Pyongyang–Nampo area, and with a city card open (Hangul names on).
shoot explore-pyongyang-nampo --screen explore --city pyongyang --zoom 5
shoot explore-card --screen explore --city hamhung --zoom 2 --hangul
# play N: the steps that answer N questions, right and a near miss in turn, going on after
# each but the last (whose feedback then shows; on the last question, the results).
play() {
  local steps="wait quiz" n
  for ((n = 1; n <= $1; n++)); do
    if ((n % 2)); then steps+="; answer right"; else steps+="; answer near-miss"; fi
    steps+="; wait 2 frames"
    ((n < $1)) && steps+="; press Enter; wait 2 frames"
  done
  printf '%s' "$steps"
}
# play_on N: the same, and on to the next question after the last.
play_on() { printf '%s; press Enter; wait 2 frames' "$(play "$1")"; }

# The quiz: an ordering question with a line being carried (Space picks it up, Down carries
# it), its feedback, higher or lower, guessing, and the results of a whole quiz.
shoot quiz-order-carry --screen quiz --seed 2 --steps "wait quiz; press Space; press Down"
shoot quiz-order-feedback --screen quiz --seed 0 --steps "$(play 2)"
shoot quiz-higher-lower --screen quiz --seed 1
shoot quiz-higher-lower-feedback --screen quiz --seed 1 --steps "$(play 1)"
shoot quiz-guess --screen quiz --seed 4 --theme dark
shoot results-played --screen quiz --seed 0 --steps "$(play 10); press Enter; wait results"
# The map quiz: where is X and its feedback (a click 100 km east, the line and the km), the pin
# mode after a miss, name the marked city, which province (asked, and a wrong answer's
# feedback) and the results map of a whole quiz.
shoot map-where-is --quiz map --seed 1
shoot map-where-is-feedback --quiz map --seed 3 --steps "$(play 2)"
shoot map-find-after-miss --quiz map --seed 1 --steps "$(play_on 2); click city wonsan; wait 2 frames"
shoot map-name-marked --quiz map --seed 0 --steps "$(play_on 4)"
shoot map-province --quiz map --seed 2
shoot map-province-feedback --quiz map --seed 4 --theme dark --steps "$(play 2)"
shoot map-results --quiz map --seed 0 --steps "$(play 10); press Enter; wait results"
# The facts quiz: a true-or-false feedback and a which-city feedback, each with the fact's
# source and the cities on the map.
shoot facts-true-false-feedback --quiz facts --seed 1 --steps "$(play 1)"
shoot facts-which-city-feedback --quiz facts --seed 1 --steps "$(play 2)"
# The match board mid-game: two pairs made by keys (fact A and B to their cities), a wrong pair
# tried and marked (dark theme).
shoot facts-board-mid-game --quiz facts --seed 1 --theme dark \
  --steps "$(play_on 10); press A; press 4; press B; press 2; press C; press 1; wait 2 frames"

# Levels, through the script as a player reaches them: the title (at 1280×720, and at 1024×600
# with the 75 % interface in a data folder of its own), the Play screen, a level's
# instructions, a question of a mixed level (the coast: the map, then the facts) and the quiz
# of the day's results.
small_dir="$data_dir/small-window"
mkdir -p "$small_dir"
printf 'ui_scale = "75%%"\n' >"$small_dir/settings.toml"
shoot level-title --screen title --seed 2 --steps "wait title"
shot_data_dir=$small_dir shoot level-title-1024x600 --screen title --window-size 1024x600 \
  --steps "wait title"
shoot level-play --screen title --steps "wait title; click \"Play\"; wait play"
shoot level-instructions --screen title \
  --steps "wait title; click \"Play\"; wait play; click \"4. The coast\"; wait play"
shoot level-mixed-question --level coast-and-ports --seed 3 --steps "$(play_on 6)"
shoot level-daily-results --level daily --steps "$(play 10); press Enter; wait results"

# The map quizzes above stopped mid-way: the title offers to resume the last one or discard it.
shoot title-resume --screen title --seed 2
# Players and scores: two weeks of real quizzes by two players (the script fills the progress
# database once), then the Scores screen's tables and plots, the mastery map and the players.
shoot scores-history --screen title --seed 5 \
  --steps "wait title; sample-history Mina Jun; click \"Scores\"; wait scores"
shoot mastery-map --screen mastery --seed 5
shoot players --screen players --seed 5 --theme dark
# Typing: a click into the new player's field, then a name (not added: no Enter).
shoot players-typing --screen players --seed 5 --steps "wait players; click 540 232; type Mina Kim"
# Measuring: frame times of a map question, through the same script.
frames=$(timeout 180 xvfb-run -a -s "-screen 0 1280x720x24" "$bin" --quiz map --seed 1 \
  --data-dir "$data_dir" --steps "wait quiz; time 120 frames; quit" 2>"$out/frame-times.log") || true
if [[ $frames != *"frame times on quiz: 120 frames: median"* ]]; then
  echo "FAIL frame times: $frames"; tail -n 20 "$out/frame-times.log"; failed=1
else
  echo "ok   $frames"
fi
# The data folder given before the subcommand works too.
if ! "$bin" --data-dir "$data_dir" export --out "$out/sessions-before.csv" >"$out/export-before.log" 2>&1; then
  echo "FAIL export with --data-dir before the subcommand"; cat "$out/export-before.log"; failed=1
fi
# A broken dataset: the problems page is pictured and the run exits 1 instead of waiting.
broken="$data_dir/broken-cities.toml"
sed '0,/^year = 2008$/{/^year = 2008$/d}' "$here/../assets/data/cities.toml" >"$broken"
expect_exit=1 shoot dataset-problems --dataset "$broken"

# The window-less parts: `check`, `export`, and a clear message (exit 2) where no display is
# set.
if ! "$bin" check >"$out/check.log" 2>&1; then
  echo "FAIL check: the built-in dataset did not pass"; cat "$out/check.log"; failed=1
elif "$bin" check --dataset "$broken" >"$out/check-broken.log" 2>&1 \
    || ! grep -q "broken-cities.toml:[0-9]*:[0-9]*: .*has no year" "$out/check-broken.log"; then
  echo "FAIL check: a broken dataset was not reported with file:line:column"
  cat "$out/check-broken.log"; failed=1
else
  echo "ok   check: $(tr '\n' ' ' <"$out/check.log")"
fi
# Every level of levels/ passes; a level with a typo in a kind fails with file:line:column.
broken_level="$data_dir/broken-level.toml"
sed 's/"where-is"/"where-iz"/' "$here/../levels/01-ten-largest.toml" >"$broken_level"
if ! "$bin" check "$here"/../levels/*.toml >"$out/check-levels.log" 2>&1; then
  echo "FAIL check levels/*.toml"; cat "$out/check-levels.log"; failed=1
elif "$bin" check "$broken_level" >"$out/check-broken-level.log" 2>&1 \
    || ! grep -q 'broken-level.toml:[0-9]*:[0-9]*: "where-iz" is not a kind' "$out/check-broken-level.log"; then
  echo "FAIL check: a broken level was not reported with file:line:column"
  cat "$out/check-broken-level.log"; failed=1
else
  echo "ok   check levels: $(wc -l <"$out/check-levels.log") files, a broken one reported"
fi
# The scripted runs above kept their answers in the progress database: export them for a teacher.
if ! "$bin" export --data-dir "$data_dir" --out "$out/sessions.csv" >"$out/export.log" 2>&1 \
    || ! "$bin" export --data-dir "$data_dir" --answers --out "$out/answers.csv" >>"$out/export.log" 2>&1 \
    || ! head -n 1 "$out/sessions.csv" | grep -q '^player,mode,quiz,started (UTC),' \
    || [[ $(wc -l <"$out/answers.csv") -lt 10 ]]; then
  echo "FAIL export"; cat "$out/export.log"; failed=1
else
  echo "ok   export: $(tr '\n' ' ' <"$out/export.log")"
fi
code=0
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --data-dir "$data_dir" >"$out/no-display.log" 2>&1 || code=$?
if [[ $code != 2 ]] || ! grep -q "needs a graphical display" "$out/no-display.log"; then
  echo "FAIL no display: exit code $code"; cat "$out/no-display.log"; failed=1
else
  echo "ok   no display: $(head -c 100 "$out/no-display.log")…"
fi
exit $failed
