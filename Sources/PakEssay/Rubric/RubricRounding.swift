/// How a rubric rounds criterion scores and totals, at its own marks and when `--marks` scales it.
///
/// At the rubric's own marks each criterion is rounded to `rounding` and the total is their sum.
/// Scaled, an answer is first marked as the rubric's own marks would mark it (each criterion
/// rounded to the scaled step), so the reserve and the share are those of the unscaled marks.
/// Then the total is rounded to `rounding` itself, and the criteria, at a finer step, are made to
/// add up to it. The band is read from the share before that last rounding.
extension Rubric {
    /// Criterion scores rounded as the rubric says, in the order of `criteria`, and the answer's band.
    /// `values` are the unrounded scores, one per criterion. The scores add up to the total.
    public func roundScores(_ values: [Double]) -> (scores: [Double], band: String) {
        let step = rounding * marksScale
        let exact = zip(values, criteria).map { value, criterion in
            Swift.min(criterion.marks, Swift.max(0, Self.round(value, to: step)))
        }
        let sum = exact.reduce(0, +)
        let band = band(for: sum)
        guard marksScale != 1, values.count == criteria.count else { return (exact, band) }
        let total = roundTotal(sum, keeping: band)
        let scores = Self.apportion(exact, caps: criteria.map(\.marks), total: total, step: criterionStep)
        return (scores, band)
    }

    /// The step criterion scores are shown at when the rubric is scaled down: the coarsest of the
    /// tidy steps that divide `rounding` and are no coarser than `rounding` scaled (0.25 for 20 marks
    /// shown as 10, 0.1 for 20 shown as 7 or 4), and never finer than 0.01. Unscaled or scaled up, `rounding`.
    public var criterionStep: Double {
        guard marksScale < 1, rounding >= 0.01 else { return rounding }
        let wanted = rounding * marksScale
        let dividing = Self.tidySteps.filter { $0 <= rounding + 1e-12 && Self.divides($0, rounding) }
        return dividing.first { $0 <= wanted + 1e-12 } ?? dividing.last ?? rounding
    }

    /// Steps with at most two decimals, coarsest first.
    static let tidySteps: [Double] = [
        1000, 500, 250, 200, 100, 50, 25, 20, 10, 5, 2.5, 2, 1,
        0.5, 0.25, 0.2, 0.1, 0.05, 0.02, 0.01,
    ]

    static func divides(_ step: Double, _ value: Double) -> Bool {
        let n = value / step
        return abs(n - n.rounded()) < 1e-9
    }

    /// `value` rounded to a multiple of `step` (halves away from zero), without binary tails such as
    /// 0.30000000000000004. A step that is not above 0, or a value that is not finite, leaves it as it is.
    static func round(_ value: Double, to step: Double) -> Double {
        guard step > 0, step.isFinite, value.isFinite else { return value }
        return tidy((value / step).rounded() * step)
    }

    /// A value cut to six decimals, so that sums of steps print as people write them.
    static func tidy(_ value: Double) -> Double {
        guard abs(value) < 1e9 else { return value }
        return (value * 1e6).rounded() / 1e6
    }

    /// The scaled total rounded to `rounding` and kept within 0…maxMarks. Should the nearest step
    /// fall in another band than the exact total, the step on the other side is taken if it stays
    /// in the band; it is still within one step.
    func roundTotal(_ exact: Double, keeping label: String) -> Double {
        let clamp = { (x: Double) in Swift.min(self.maxMarks, Swift.max(0, x)) }
        let nearest = clamp(Self.round(exact, to: rounding))
        guard band(for: nearest) != label else { return nearest }
        let other = clamp(Self.round(nearest > exact ? nearest - rounding : nearest + rounding, to: rounding))
        return band(for: other) == label ? other : nearest
    }

    /// Scores moved to add up to `total` and rounded to multiples of `step`, each within 0…its cap.
    /// The difference is shared in proportion to the room each score has to move; the steps left
    /// over after rounding down go to the largest remainders, the earliest first on a tie.
    static func apportion(_ exact: [Double], caps given: [Double], total: Double, step: Double) -> [Double] {
        // A cap off the step (2 marks of 20 shown as 1.35 of 13.5) is kept to the step below it, so that
        // the scores can always add up to a total on the step.
        let caps = given.map { cap in divides(step, cap) ? cap : tidy((cap / step + 1e-9).rounded(.down) * step) }
        let exact = zip(exact, caps).map { Swift.min($0, $1) }
        let sum = exact.reduce(0, +)
        // Bounded counts of steps, so the whole-step arithmetic below cannot trap or run long.
        guard step > 0, total.isFinite, sum.isFinite, abs(total - sum) / step < 1e6, abs(total) / step < 1e9 else {
            return exact
        }
        let gap = total - sum
        let room = zip(exact, caps).map { gap >= 0 ? Swift.max(0, $1 - $0) : Swift.max(0, $0) }
        let roomTotal = room.reduce(0, +)
        let target = exact.indices.map { roomTotal > 0 ? exact[$0] + gap * room[$0] / roomTotal : exact[$0] }
        var out = target.indices.map { i in
            target[i] >= caps[i] - 1e-9 ? caps[i] : tidy(Swift.max(0, (target[i] / step + 1e-9).rounded(.down)) * step)
        }
        let order = out.indices.sorted { a, b in
            let ra = target[a] - out[a]
            let rb = target[b] - out[b]
            return abs(ra - rb) > 1e-9 ? ra > rb : a < b
        }
        var left = Int(((total - out.reduce(0, +)) / step).rounded())
        var moved = true
        while left != 0, moved {
            moved = false
            let up = left > 0
            let fits = { (i: Int) in up ? out[i] + step <= caps[i] + 1e-9 : out[i] >= step - 1e-9 }
            for i in up ? order : order.reversed() where left != 0 && fits(i) {
                out[i] = tidy(out[i] + (up ? step : -step))
                left += up ? -1 : 1
                moved = true
            }
        }
        return out
    }
}
