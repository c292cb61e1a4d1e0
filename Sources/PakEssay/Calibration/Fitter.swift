#if canImport(Glibc)
    import Glibc
#endif

/// One marked answer as the fit sees it: what pakessay's score was built from, and the tutor's marks
/// on the rubric's scale.
public struct CalibrationSample: Sendable {
    /// The credits of each criterion, in the rubric's order.
    public var credits: [CriterionCredits]
    /// The tutor's total, mapped onto the rubric's marks.
    public var total: Double
    /// The tutor's mark for each criterion, in the rubric's order (nil where not marked).
    public var criteria: [Double?]

    /// Creates a sample.
    public init(credits: [CriterionCredits], total: Double, criteria: [Double?]) {
        self.credits = credits
        self.total = total
        self.criteria = criteria
    }
}

/// Fits a rubric's weights, exponent and ceiling to a tutor's marks: least squares on the unrounded
/// scores (the total, and the tutor's criterion marks where given), every weight kept within bounds
/// and pulled towards the rubric's own by a penalty that fades as the marked answers grow in number.
/// Levenberg–Marquardt steps projected onto the bounds: no randomness, so the same samples always give
/// the same fit.
public struct Fitter: Sendable {
    /// The rubric fitted from.
    public let rubric: Rubric
    /// The penalty's strength: the squared distance from the rubric's own parameters (a tenth of it for
    /// the exponent) costs this much, divided by the number of samples, in units of (marks / maxMarks)².
    public var strength = 0.5
    /// Bounds of a rule's share of its criterion's weight, of the exponent and of the ceiling.
    public static let shareBounds = 0.01...1.0
    /// The exponents a fit may choose.
    public static let exponentBounds = 0.5...4.0
    /// The ceilings a fit may choose.
    public static let ceilingBounds = 0.5...1.0
    /// Iterations of the descent at most.
    public var iterations = 200

    /// Creates a fitter for `rubric`.
    public init(rubric: Rubric) { self.rubric = rubric }

    /// The parameters as one vector: each criterion's weighted rules' shares (its own weights sum to
    /// 1), then the exponent, then the ceiling.
    struct Layout {
        var slots: [(criterion: Int, rule: Int)] = []
        var totals: [Double] = []
        init(_ rubric: Rubric) {
            for (i, c) in rubric.criteria.enumerated() {
                totals.append(c.rules.filter { !$0.gate }.reduce(0) { $0 + $1.weight })
                for (k, use) in c.rules.enumerated() where !use.gate { slots.append((i, k)) }
            }
        }
    }

    /// Fits on `samples`, starting from the rubric's own parameters.
    public func fit(_ samples: [CalibrationSample]) -> ScaleParameters {
        let layout = Layout(rubric)
        let start = vector(ScaleParameters(rubric), layout)
        var x = start
        guard !samples.isEmpty else { return parameters(x, layout) }
        var (f, g, h) = evaluate(x, start: start, samples, layout)
        var damping = 1e-3
        for _ in 0..<iterations {
            guard let step = Self.solve(h, g, damping: damping) else { break }
            let candidate = project(x.indices.map { x[$0] - step[$0] }, layout)
            let fc = evaluate(candidate, start: start, samples, layout, derivatives: false).0
            if fc < f {
                let gain = f - fc
                x = candidate
                (f, g, h) = evaluate(candidate, start: start, samples, layout)
                damping = max(1e-9, damping / 3)
                if gain < 1e-6 * f || f < 1e-14 { break }
            } else {
                damping *= 10
                if damping > 1e12 { break }
            }
        }
        return parameters(x, layout)
    }

    /// Solves `(h + damping · diag(h)) · step = g` by Gaussian elimination with partial pivoting (a
    /// Levenberg–Marquardt step: Gauss–Newton when the damping is small, a scaled gradient when large).
    static func solve(_ h: [Double], _ g: [Double], damping: Double) -> [Double]? {
        let n = g.count
        var a = (0..<n).map { Array(h[($0 * n)..<($0 * n + n)]) }
        var b = g
        for i in 0..<n { a[i][i] += damping * max(h[i * n + i], 1e-12) }
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<max(col + 1, n) where abs(a[r][col]) > abs(a[pivot][col]) { pivot = r }
            guard abs(a[pivot][col]) > 1e-300 else { return nil }
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for r in (col + 1)..<max(col + 1, n) {
                let factor = a[r][col] / a[col][col]
                guard factor != 0 else { continue }
                for c in col..<n { a[r][c] -= factor * a[col][c] }
                b[r] -= factor * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[i]
            for c in (i + 1)..<max(i + 1, n) { sum -= a[i][c] * x[c] }
            x[i] = sum / a[i][i]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }

    func vector(_ p: ScaleParameters, _ layout: Layout) -> [Double] {
        layout.slots.map { p.weights[$0.criterion][$0.rule] / max(layout.totals[$0.criterion], 1e-12) }
            + [p.exponent, p.ceiling]
    }

    func parameters(_ x: [Double], _ layout: Layout) -> ScaleParameters {
        var p = ScaleParameters(rubric)
        for (k, slot) in layout.slots.enumerated() {
            p.weights[slot.criterion][slot.rule] = x[k] * layout.totals[slot.criterion]
        }
        p.exponent = x[x.count - 2]
        p.ceiling = x[x.count - 1]
        return p
    }

    func project(_ x: [Double], _ layout: Layout) -> [Double] {
        var y = x
        let n = layout.slots.count
        for k in 0..<n { y[k] = min(Self.shareBounds.upperBound, max(Self.shareBounds.lowerBound, y[k])) }
        y[n] = min(Self.exponentBounds.upperBound, max(Self.exponentBounds.lowerBound, y[n]))
        y[n + 1] = min(Self.ceilingBounds.upperBound, max(Self.ceilingBounds.lowerBound, y[n + 1]))
        return y
    }

    /// The objective at `x` and, when asked, its gradient and its Gauss–Newton matrix (flat, row by row).
    func evaluate(
        _ x: [Double], start: [Double], _ samples: [CalibrationSample], _ layout: Layout, derivatives: Bool = true
    ) -> (Double, [Double], [Double]) {
        let p = parameters(x, layout)
        let n = Double(samples.count)
        let m = x.count
        let norm = 1 / (n * rubric.maxMarks * rubric.maxMarks)
        let ie = m - 2
        let ic = m - 1
        var slotOf: [[Int]] = rubric.criteria.map { Array(repeating: -1, count: $0.rules.count) }
        for (k, s) in layout.slots.enumerated() { slotOf[s.criterion][s.rule] = k }
        var f = 0.0
        var g = [Double](repeating: 0, count: derivatives ? m : 0)
        var h = [Double](repeating: 0, count: derivatives ? m * m : 0)
        var dTotal = [Double](repeating: 0, count: m)
        var d: [(Int, Double)] = []
        var used: [Int] = []
        for sample in samples {
            let useCriteria = sample.criteria.contains { $0 != nil }
            var total = 0.0
            used.removeAll(keepingCapacity: true)
            for (i, c) in sample.credits.enumerated() {
                let halfAt = rubric.criteria[i].halfAt
                let q = ScoreModel.quality(c, weights: p.weights[i], halfAt: halfAt)
                // A criterion with a ceiling of its own does not move with the scale's.
                let own = rubric.criteria[i].ceiling
                let a = rubric.criteria[i].marks * c.gate * c.cap * (own ?? p.ceiling)
                let power = pow(q, p.exponent)
                let value = a * power
                let target = sample.criteria[i]
                total += value
                if useCriteria, let target { f += norm * (value - target) * (value - target) }
                guard derivatives else { continue }
                d.removeAll(keepingCapacity: true)
                d.append((ie, q > 0 ? value * log(q) : 0))
                if own == nil { d.append((ic, a / p.ceiling * power)) }
                let w = c.rules.reduce(0) { $0 + p.weights[i][$1] }
                if w > 0, a > 0 {
                    let slope = a * p.exponent * pow(max(q, 1e-9), p.exponent - 1) * layout.totals[i]
                    for (k, rule) in c.rules.enumerated() {
                        let dq = ScoreModel.slope(credit: c.credits[k], quality: q, weights: w, halfAt: halfAt)
                        d.append((slotOf[i][rule], slope * dq))
                    }
                }
                if useCriteria, let target {
                    Self.accumulate(d, residual: value - target, scale: 2 * norm, g: &g, h: &h, m: m)
                }
                for (k, dv) in d {
                    if dTotal[k] == 0, dv != 0 { used.append(k) }
                    dTotal[k] += dv
                }
            }
            // The total counts too: it is what the agreement is measured on.
            do {
                let r = total - sample.total
                f += norm * r * r
                guard derivatives else { continue }
                d.removeAll(keepingCapacity: true)
                for k in used where dTotal[k] != 0 { d.append((k, dTotal[k])) }
                Self.accumulate(d, residual: r, scale: 2 * norm, g: &g, h: &h, m: m)
                for k in used { dTotal[k] = 0 }
            }
        }
        for k in x.indices {
            // The exponent's range is wider than a share's: its pull is a tenth as strong.
            let lambda = strength / n * (k == ie ? 0.1 : 1)
            let gap = x[k] - start[k]
            f += lambda * gap * gap
            guard derivatives else { continue }
            g[k] += 2 * lambda * gap
            h[k * m + k] += 2 * lambda
        }
        return (f, g, h)
    }

    /// Adds one residual's share of the gradient and of the Gauss–Newton matrix.
    static func accumulate(
        _ d: [(Int, Double)], residual r: Double, scale: Double, g: inout [Double], h: inout [Double], m: Int
    ) {
        d.withUnsafeBufferPointer { dp in
            g.withUnsafeMutableBufferPointer { gp in
                h.withUnsafeMutableBufferPointer { hp in
                    let count = dp.count
                    var a = 0
                    while a < count {
                        let (k, dv) = dp[a]
                        gp[k] += scale * r * dv
                        let row = k * m
                        let sv = scale * dv
                        var b = 0
                        while b < count {
                            hp[row + dp[b].0] += sv * dp[b].1
                            b += 1
                        }
                        a += 1
                    }
                }
            }
        }
    }
}
