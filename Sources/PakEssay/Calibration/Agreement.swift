/// How far two sets of marks for the same answers agree.
public struct Agreement: Sendable, Hashable {
    /// How many answers were compared.
    public var count: Int
    /// Spearman's rank correlation (ties take their mean rank); nil when either side is constant.
    public var spearman: Double?
    /// Pearson's correlation; nil when either side is constant.
    public var pearson: Double?
    /// Quadratic weighted kappa, the marks put in classes of the rounding step; nil when undefined.
    public var kappa: Double?
    /// Mean absolute difference.
    public var meanAbsoluteError: Double

    /// Measures the agreement of `ours` with `theirs`; `step` and `maximum` set the kappa's classes.
    public init(_ ours: [Double], _ theirs: [Double], step: Double, maximum: Double) {
        count = ours.count
        spearman = Self.pearson(Self.ranks(ours), Self.ranks(theirs))
        pearson = Self.pearson(ours, theirs)
        kappa = Self.kappa(ours, theirs, step: step, maximum: maximum)
        meanAbsoluteError = ours.isEmpty ? 0 : zip(ours, theirs).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(count)
    }

    /// Pearson's correlation of two equally long lists.
    public static func pearson(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count == b.count, a.count >= 2 else { return nil }
        let n = Double(a.count)
        let ma = a.reduce(0, +) / n
        let mb = b.reduce(0, +) / n
        var num = 0.0
        var da = 0.0
        var db = 0.0
        for (x, y) in zip(a, b) {
            num += (x - ma) * (y - mb)
            da += (x - ma) * (x - ma)
            db += (y - mb) * (y - mb)
        }
        guard da > 1e-12, db > 1e-12 else { return nil }
        return num / (da * db).squareRoot()
    }

    /// 1-based ranks, ties sharing their mean rank.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var out = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            for k in i...j { out[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return out
    }

    /// Quadratic weighted kappa with classes 0, step, 2·step … maximum (marks rounded to the nearest).
    public static func kappa(_ a: [Double], _ b: [Double], step: Double, maximum: Double) -> Double? {
        guard a.count == b.count, !a.isEmpty, step > 0 else { return nil }
        let top = max(1, Int((maximum / step).rounded()))
        let cls = { (x: Double) in min(top, max(0, Int((x / step).rounded()))) }
        let ca = a.map(cls)
        let cb = b.map(cls)
        var histA = [Double](repeating: 0, count: top + 1)
        var histB = histA
        for k in ca { histA[k] += 1 }
        for k in cb { histB[k] += 1 }
        let n = Double(a.count)
        var observed = 0.0
        for (x, y) in zip(ca, cb) { observed += Double((x - y) * (x - y)) }
        var expected = 0.0
        for i in 0...top where histA[i] > 0 {
            for j in 0...top where histB[j] > 0 { expected += histA[i] * histB[j] * Double((i - j) * (i - j)) / n }
        }
        guard expected > 1e-12 else { return nil }
        return 1 - observed / expected
    }
}
