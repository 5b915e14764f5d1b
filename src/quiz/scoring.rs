//! Points, streaks and stars. The formulas, in words:
//!
//! - **Accuracy points**: `MAX_POINTS × accuracy`, where accuracy runs from 0 to 1 (partial
//!   credit: an order half right, a guess close but not exact). Each kind defines its accuracy
//!   in its own module: an order, the share of pairs in the right order (Kendall's τ on 0…1);
//!   higher or lower, 1 or 0; a guess, with `e = |log2(guess / truth)|`, 1 within 5 %, then
//!   `exp(−½ ((e − log2 1.05) / 0.08)²)` (10 % off 0.70, 20 % off 0.06), 0 from a factor of 2
//!   (`guess_population::guess_accuracy`): the cities cluster within a factor of three, so a
//!   guess of the median city for every city averages under 20 %. On the map
//!   (`placement::place_accuracy`): with `d` the great-circle distance of a click, 1 within
//!   5 km, then `exp(−(d − 5) / 150 km)` faded linearly to 0 between 300 and 400 km (100 km off
//!   keeps 0.53), right within 50 km; finding a marker 1, 0.5 or 0.25 on the first, second or
//!   third try; naming a city or a province right or wrong.
//! - **Time**: with a time limit `T`, an answer after `t` seconds keeps `1 − t / (2T)` of its
//!   accuracy points (Kahoot's rule): a right answer is never worth less than half.
//! - **Streak bonus**: each correct answer in a row after the first adds `STREAK_STEP` points,
//!   up to `STREAK_CAP`; a miss resets the streak.
//! - **Stars** from the share of the maximum (accuracy points only), at the plan's three
//!   shares: the built-in modes give 1 for finishing, 2 from 70 %, 3 from 90 %.

use std::time::Duration;

pub const MAX_POINTS: u32 = 1000;
pub const STREAK_STEP: u32 = 100;
pub const STREAK_CAP: u32 = 500;

/// Accuracy points, reduced for time when the question has a limit.
pub fn question_points(accuracy: f64, elapsed: Duration, limit: Option<Duration>) -> u32 {
    let accuracy = if accuracy.is_finite() {
        accuracy.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let time_factor = match limit {
        Some(limit) if !limit.is_zero() => {
            let used = (elapsed.as_secs_f64() / limit.as_secs_f64()).clamp(0.0, 1.0);
            1.0 - used / 2.0
        }
        _ => 1.0,
    };
    (f64::from(MAX_POINTS) * accuracy * time_factor).round() as u32
}

/// The bonus for a correct answer that makes a streak of `streak` in a row (1 = no bonus).
pub fn streak_bonus(streak: u32) -> u32 {
    (STREAK_STEP * streak.saturating_sub(1)).min(STREAK_CAP)
}

/// The built-in modes' stars: one for finishing, two from 70 %, three from 90 %.
pub const DEFAULT_STARS: [u8; 3] = [0, 70, 90];

/// Stars for a finished quiz from its share of the maximum accuracy points: one for each of the
/// three shares (percent) it reaches.
pub fn stars(points: u32, max_points: u32, thresholds: [u8; 3]) -> u8 {
    let share = if max_points == 0 {
        100.0
    } else {
        100.0 * f64::from(points) / f64::from(max_points)
    };
    thresholds
        .iter()
        .filter(|&&threshold| share >= f64::from(threshold))
        .count() as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_right_answer_keeps_at_least_half_its_points_however_slow() {
        let limit = Some(Duration::from_secs(20));
        assert_eq!(question_points(1.0, Duration::ZERO, limit), 1000);
        assert_eq!(question_points(1.0, Duration::from_secs(10), limit), 750);
        assert_eq!(question_points(1.0, Duration::from_secs(20), limit), 500);
        assert_eq!(question_points(1.0, Duration::from_secs(600), limit), 500);
        assert_eq!(question_points(0.5, Duration::from_secs(600), None), 500);
        assert_eq!(question_points(f64::NAN, Duration::ZERO, None), 0);
    }

    #[test]
    fn streak_bonus_grows_then_stops_at_the_cap() {
        assert_eq!(streak_bonus(0), 0);
        assert_eq!(streak_bonus(1), 0);
        assert_eq!(streak_bonus(2), 100);
        assert_eq!(streak_bonus(6), 500);
        assert_eq!(streak_bonus(60), 500);
    }

    #[test]
    fn stars_follow_the_share() {
        assert_eq!(stars(10_000, 10_000, DEFAULT_STARS), 3);
        assert_eq!(stars(9_000, 10_000, DEFAULT_STARS), 3);
        assert_eq!(stars(8_999, 10_000, DEFAULT_STARS), 2);
        assert_eq!(stars(7_000, 10_000, DEFAULT_STARS), 2);
        assert_eq!(stars(0, 10_000, DEFAULT_STARS), 1);
        assert_eq!(stars(4_999, 10_000, [50, 70, 90]), 0);
        assert_eq!(stars(5_000, 10_000, [50, 70, 90]), 1);
    }

    proptest! {
        #[test]
        fn points_never_fall_as_accuracy_rises_or_time_shrinks(
            a in 0.0..1.0f64, b in 0.0..1.0f64, t1 in 0u64..40_000, t2 in 0u64..40_000,
        ) {
            let limit = Some(Duration::from_secs(30));
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            let (fast, slow) = if t1 <= t2 { (t1, t2) } else { (t2, t1) };
            let at = |acc, ms| question_points(acc, Duration::from_millis(ms), limit);
            prop_assert!(at(low, fast) <= at(high, fast));
            prop_assert!(at(high, slow) <= at(high, fast));
            prop_assert!(at(1.0, slow) >= MAX_POINTS / 2);
        }
    }
}
